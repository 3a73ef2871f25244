/**
 * The order in which named parameters are resolved: every parameter after the parameters it
 * refers to, otherwise in declaration order. A loop of references is a ParameterCycleError.
 */
import { ParameterCycleError } from './errors.js';

/**
 * @param names parameter names in declaration order
 * @param dependsOn the parameters each parameter refers to (all of them declared)
 */
export function parameterOrder(names: readonly string[], dependsOn: ReadonlyMap<string, readonly string[]>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') throw new ParameterCycleError([...stack.slice(stack.indexOf(name)), name]);
    state.set(name, 'visiting');
    stack.push(name);
    for (const dep of dependsOn.get(name) ?? []) visit(dep);
    stack.pop();
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of names) visit(name);
  return order;
}
