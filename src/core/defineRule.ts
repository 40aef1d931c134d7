import type { OptionSpec, Rule, RuleContext, RuleMeta, Visitors, OptionValues } from './types';

/** Where rule pages are published; each rule's page is `<docsBaseUrl>/<name>.md`. */
export const docsBaseUrl = 'https://github.com/greenml/greenml-sagemaker/blob/main/docs/rules';

/**
 * Declares a rule. The docs URL is derived from the name, so a rule cannot point
 * at another rule's page, and message ids and options are type-checked.
 */
export function defineRule<M extends string, S extends Record<string, OptionSpec>>(definition: {
  id: string;
  name: string;
  meta: RuleMeta<M, S>;
  create(context: RuleContext<M, OptionValues<S>>): Visitors;
}): Rule<M, S> {
  return { ...definition, docsUrl: `${docsBaseUrl}/${definition.name}.md` };
}
