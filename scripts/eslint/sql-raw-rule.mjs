// @ts-check
// ESLint rule `yadman/sql-raw-constant` (issue 7, injection): `sql.raw(x)` puts x into SQL unescaped,
// so x must never carry request data. Allowed: a string literal, a template without expressions, or
// an identifier bound by `const` at module level (module code runs once at import, before any
// request exists). Everything else — parameters, locals, calls, concatenation — is reported:
// interpolate values with sql`… ${value}` (a bound parameter) or sql.identifier() instead.

/** @param {import('eslint').Scope.Scope | null} scope @param {string} name */
function resolve(scope, name) {
  for (let s = scope; s; s = s.upper) {
    const variable = s.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

/** @param {any} node @param {import('eslint').Scope.Scope} scope */
function isModuleConstant(node, scope) {
  if (node.type === 'Literal') return typeof node.value === 'string';
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0;
  if (node.type !== 'Identifier') return false;
  const variable = resolve(scope, node.name);
  if (!variable || variable.defs.length !== 1) return false;
  const definition = variable.defs[0];
  return (
    definition?.type === 'Variable' &&
    definition.parent.kind === 'const' &&
    (variable.scope.type === 'module' || variable.scope.type === 'global')
  );
}

/** @type {import('eslint').Rule.RuleModule} */
export const sqlRawConstant = {
  meta: {
    type: 'problem',
    docs: { description: 'sql.raw only on module-level constants, never on request data' },
    messages: {
      notConstant:
        'sql.raw() takes only a module-level const or a literal. Pass values as sql`… ${value}` (bound parameters) or use sql.identifier().',
    },
    schema: [],
  },
  create(context) {
    return {
      /** @param {any} node */
      "CallExpression[callee.type='MemberExpression'][callee.object.name='sql'][callee.property.name='raw']"(node) {
        const [argument] = node.arguments;
        if (node.arguments.length === 1 && isModuleConstant(argument, context.sourceCode.getScope(node))) return;
        context.report({ node, messageId: 'notConstant' });
      },
    };
  },
};
