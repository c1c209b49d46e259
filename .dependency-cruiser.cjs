// `npm run lint` (and a check in `npm test`): the runtime boundaries of docs/ARCHITECTURE.md
// as rules. Layers point one way: contract/ ← db/ ← main/ ← main/electron/; preload/ and
// renderer/ stand on contract/ (the renderer may name main/'s types, nothing more).
/** Our own top-level folders, as a path pattern. */
const ours = '^(contract|db|main|preload|renderer|resources|bench|tests|bin)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'contract-imports-only-contract',
      comment: 'contract/ is what every side shares: it imports nothing of ours outside contract/.',
      severity: 'error',
      from: { path: '^contract/' },
      to: { path: ours, pathNot: '^contract/' },
    },
    {
      name: 'db-imports-only-contract',
      comment: 'db/ stands on contract/ alone: never main/, the renderer, or anything above it.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: ours, pathNot: '^(db|contract)/' },
    },
    {
      name: 'renderer-imports-only-types-from-main',
      comment: 'The renderer runs in the sandboxed page: from main/ it may name types (import type), never code.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^main/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-imports-no-server-side-code',
      comment: 'The renderer reaches db/, preload/ and the rest only through the bridge; of resources/ it bundles data (JSON).',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ours, pathNot: '^(renderer|contract|main)/|^resources/[^/]+\\.json$' },
    },
    {
      name: 'renderer-uses-no-node-builtins',
      comment: 'The renderer is DOM only: no Node built-in modules.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'preload-imports-only-contract-and-electron',
      comment: 'The preload is the one bridge: it needs the contract and electron, nothing else.',
      severity: 'error',
      from: { path: '^preload/' },
      to: { pathNot: '^(preload|contract)/|^electron$|(^|/)node_modules/electron/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'services-do-not-import-electron',
      comment: 'main/ outside main/electron/ is plain Node, run by the CLI, the tests and the harness without Electron.',
      severity: 'error',
      from: { path: '^main/', pathNot: '^main/electron/' },
      to: { path: '(^|/)node_modules/electron/|^electron$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'A cycle ties modules together so that neither can change or load alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|out|dist|test-results|\\.screenshots|\\.bench)/' },
    // TypeScript 7 has no JS API for dependency-cruiser to parse with; swc reads the sources,
    // and keeps `import type` as a dependency marked type-only, which the rules above rely on.
    parser: 'swc',
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      // Resolve packages the way Node does for our ES modules.
      exportsFields: ['exports'],
      conditionNames: ['node', 'import', 'require', 'default'],
    },
  },
};
