import { describe, expect, test } from 'vitest';
import { terminalJson, terminalSafe } from '../../main/cli/format.ts';
import { runCli } from '../../main/cli/main.ts';

describe('terminalSafe (everything the CLI prints passes through it)', () => {
  test.each([
    ['CSI colour and cursor moves', 'Jane \u001b[31mDoe\u001b[0m\u001b[1A\u001b[2K', 'Jane Doe'],
    ['OSC window title ended by BEL', 'a\u001b]0;owned\u0007b', 'ab'],
    ['OSC 8 hyperlink ended by ST', '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\', 'click'],
    ['8-bit CSI and OSC', 'x\u009b2Jy\u009d0;t\u009cz', 'xyz'],
    ['DCS string', 'a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
    ['two-byte ESC sequences and a lone ESC', 'a\u001bcb\u001b7c\u001b', 'abc'],
    ['C0 and C1 controls, DEL, carriage return', 'a\u0000b\u0008c\rd\u007fe\u0085f', 'abcdef'],
    ['bidi controls that reorder a line', 'invoice\u202efdp.exe \u2066x\u2069', 'invoicefdp.exe x'],
  ])('%s', (_, raw, safe) => {
    expect(terminalSafe(raw)).toBe(safe);
  });

  test('keeps newlines, tabs and every printable character, accents and emoji included', () => {
    const text = 'Zoë Ångström\tMLOps 👩\u200d💻\nتعلم الآلة — 東京';
    expect(terminalSafe(text)).toBe(text);
  });

  test('terminalJson keeps the data exactly, with the dangerous characters written as escapes', () => {
    const value = { name: 'a\u001b[2J\u009b\u202eb' };
    const json = terminalJson(value);
    expect(json).not.toMatch(/[\u001b\u009b\u202e]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  test('the CLI io passes command output and error messages through it', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['show', 'x\u001b]0;t\u0007'], { out: (text) => out.push(text), err: (text) => err.push(text), isInteractive: false }, {});
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('"x" is not a candidate id');
    expect(err.join('\n')).not.toMatch(/[\u001b\u0007]/);
  });
});
