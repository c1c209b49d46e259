#!/usr/bin/env node
// The CLI runs the TypeScript sources directly; Node strips the types.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  process.stderr.write(
    `shipped needs Node.js 22 or newer (this is ${process.version}). Run it through "npx shipped" inside the project, which uses the Node that "npm ci" installs.\n`,
  );
  process.exit(2);
}
// `shipped list | head` closes stdout early; that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { runCli } = await import('../main/cli/main.ts');
const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  isInteractive: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
