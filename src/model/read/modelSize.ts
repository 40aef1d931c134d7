import type { InstanceRow } from '../../data/types';

/**
 * How large a served model is, where its id says: the parameter count written in the id
 * (`Llama-3.3-70B-Instruct`, `bloom-560m`, `Mixtral-8x7B`, `gpt-oss-120b`), or a model of the table
 * below whose id does not write it. The id is read from the serving container's environment
 * (`HF_MODEL_ID`: Hugging Face TGI and the Hugging Face inference containers; `OPTION_MODEL_ID`:
 * Large Model Inference containers) or the SDK's `model_id=` (JumpStart) and `model=` (`ModelBuilder`).
 */

/** Environment keys that name the model a serving container loads. */
const modelIdKeys = new Set(['HF_MODEL_ID', 'OPTION_MODEL_ID']);

/** Whether an environment variable of a serving container names its model (the keys above). */
export function isModelIdKey(key: string): boolean {
  return modelIdKeys.has(key);
}

export interface ModelSize {
  /** The model id as written. */
  id: string;
  /** Parameters (total, for a mixture of experts). */
  parameters: number;
  /** Bytes per parameter of the served weights: 2 (16-bit, the containers' default), 1 (8-bit), 0.5 (4-bit). */
  bytesPerParameter: number;
}

/**
 * Models whose id does not write their size, with the figure their model card gives (Hugging Face
 * Hub, huggingface.co/<id>). Where a mixture of experts writes only its active parameters in its
 * id (`Llama-4-Scout-17B-16E`), the total is listed: every expert is loaded.
 */
const knownSizes: ReadonlyArray<readonly [RegExp, number]> = [
  // bigcode/santacoder: "The SantaCoder models are a series of 1.1B parameter models".
  [/(^|\/)santacoder$/i, 1.1e9],
  // bigscience/bloom: "176B parameters".
  [/(^|\/)bloom$/i, 176e9],
  // deepseek-ai/DeepSeek-V3 and DeepSeek-R1 (built on V3): "671B total parameters"; the R1 distills write their size.
  [/(^|\/)deepseek-(v3|r1)(?!.*distill)/i, 671e9],
  // moonshotai/Kimi-K2-Instruct: "1 trillion total parameters".
  [/(^|\/)kimi-k2/i, 1e12],
  // meta-llama/Llama-4-Scout-17B-16E: "17B active parameters, 109B total"; Llama-4-Maverick-17B-128E: "400B total".
  [/(^|\/)llama-4-scout/i, 109e9],
  [/(^|\/)llama-4-maverick/i, 400e9],
  // openai-community/gpt2: 124M parameters; distilbert-base-uncased: 66M; google-bert/bert-base-uncased: 110M, bert-large: 340M.
  [/(^|\/)gpt2$/i, 124e6],
  [/(^|\/)distilbert-base/i, 66e6],
  [/(^|\/)bert-base/i, 110e6],
  [/(^|\/)bert-large/i, 340e6],
];

const scale: Record<string, number> = { m: 1e6, b: 1e9, t: 1e12 };

/** The parameter count a token of an id writes: `70B`, `560m`, `1.5b`, `8x7B` (experts × size), `7b1` (7.1B). */
function tokenParameters(token: string): number | undefined {
  const experts = /^(\d+)x(\d+(?:\.\d+)?)([mbt])$/i.exec(token);
  if (experts) return Number(experts[1]) * Number(experts[2]) * scale[experts[3].toLowerCase()];
  const plain = /^(\d+(?:\.\d+)?)([mbt])$/i.exec(token);
  if (plain) return Number(plain[1]) * scale[plain[2].toLowerCase()];
  const decimal = /^(\d+)b(\d)$/i.exec(token);
  return decimal ? Number(`${decimal[1]}.${decimal[2]}`) * 1e9 : undefined;
}

/** The precision the id says its weights are stored in (`-FP8`, `-AWQ`, `-int4`), else 16 bits. */
function bytesPerParameterOf(id: string): number {
  if (/(^|[-_/.])(awq|gptq|int4|4bit|bnb-4bit|nf4|w4a16)([-_/.]|$)/i.test(id)) return 0.5;
  if (/(^|[-_/.])(fp8|int8|8bit|w8a8)([-_/.]|$)/i.test(id)) return 1;
  return 2;
}

/**
 * The size of the model an id names, or undefined when the id does not tell it (a path in S3, a
 * name without a size). The first size token of the last path segment counts (`Qwen3-30B-A3B`:
 * 30B total, 3B active).
 */
export function modelSizeOf(id: string): ModelSize | undefined {
  const trimmed = id.trim();
  if (!trimmed || /^(s3|https?|file):\/\//i.test(trimmed) || trimmed.startsWith('/')) return undefined;
  const known = knownSizes.find(([pattern]) => pattern.test(trimmed));
  let parameters = known?.[1];
  if (parameters === undefined) {
    const name = trimmed.split('/').pop() ?? trimmed;
    for (const token of name.split(/[-_]/)) {
      parameters = tokenParameters(token);
      if (parameters !== undefined) break;
    }
  }
  return parameters === undefined ? undefined : { id: trimmed, parameters, bytesPerParameter: bytesPerParameterOf(trimmed) };
}

/**
 * Share of one GPU's memory the weights may take for the model to fit on it with room to serve:
 * the rest holds the KV cache and activations, which grow with batch and context. The product's
 * assumption, kept conservative: between this share and the whole memory a model is a tight fit,
 * and its size decides nothing.
 */
const roomyShare = 0.5;

/** The weights of a model in GiB. */
export function weightsGib(size: ModelSize): number {
  return (size.parameters * size.bytesPerParameter) / 2 ** 30;
}

/**
 * How the model's weights fit on one accelerator of the instance: `fits` (at most half its
 * memory), `exceeds` (more than all of it: the model needs several), else `tight`; undefined when
 * the catalogue does not give the memory.
 */
export function fitOnOneAccelerator(size: ModelSize, row: InstanceRow): 'fits' | 'tight' | 'exceeds' | undefined {
  const count = row.acceleratorCount ?? 0;
  if (!row.acceleratorMemoryGib || count < 1) return undefined;
  const perAccelerator = row.acceleratorMemoryGib / count;
  const weights = weightsGib(size);
  return weights > perAccelerator ? 'exceeds' : weights <= perAccelerator * roomyShare ? 'fits' : 'tight';
}

/** How a message names the size: `0.56B`, `70B`, `1T`. */
export function describeParameters(parameters: number): string {
  if (parameters >= 1e12) return `${+(parameters / 1e12).toFixed(1)}T`;
  if (parameters >= 1e9) return `${+(parameters / 1e9).toFixed(1)}B`;
  return `${Math.round(parameters / 1e6)}M`;
}
