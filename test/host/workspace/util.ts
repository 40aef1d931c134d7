// Plain TypeScript, not a CDK app: Green ML leaves it alone.
export function add(a: number, b: number): number {
  return a + b;
}
