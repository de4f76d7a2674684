// yadman/layers: which folder may import which (issue 24). A specifier ('@/…' or relative) is
// resolved to a path from the repository root; one under a `forbid` folder is refused unless it is
// under an `allow` path. Static imports, re-exports and `import()` with a literal are checked.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** @param {string} target @param {string} prefix */
const under = (target, prefix) => target === prefix || target.startsWith(`${prefix}/`);

/** @type {import('eslint').Rule.RuleModule} */
export const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports pointing down the layers: app and components → lib → db.' },
    schema: [
      {
        type: 'object',
        properties: {
          forbid: { type: 'array', items: { type: 'string' } },
          allow: { type: 'array', items: { type: 'string' } },
          message: { type: 'string' },
        },
        required: ['forbid', 'message'],
        additionalProperties: false,
      },
    ],
    messages: { forbidden: "'{{specifier}}': {{message}}" },
  },
  create(context) {
    const { forbid, allow = [], message } = context.options[0];
    const from = path.dirname(context.filename);
    /** @param {any} source */
    function check(source) {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const specifier = source.value;
      let target;
      if (specifier.startsWith('@/')) target = specifier.slice(2);
      else if (specifier.startsWith('.')) target = path.relative(root, path.resolve(from, specifier)).split(path.sep).join('/');
      else return;
      if (forbid.some((f) => under(target, f)) && !allow.some((a) => under(target, a))) {
        context.report({ node: source, messageId: 'forbidden', data: { specifier, message } });
      }
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};
