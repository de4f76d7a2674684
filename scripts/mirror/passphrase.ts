// Reads a passphrase: typed at a terminal (not echoed), or one line from a pipe. Never from the
// command line or the environment, where it would be kept in shell history or process listings.
import readline from 'node:readline';

export async function readPassphrase(prompt: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    // Echo nothing but the prompt.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.includes(prompt)) process.stderr.write(prompt);
    };
  }
  const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve));
  rl.close();
  if (process.stdin.isTTY) process.stderr.write('\n');
  return answer;
}

let piped: string[] | null = null;

/** Passphrases, asking at a terminal; from a pipe, its lines in order. */
export async function nextPassphrase(prompt: string): Promise<string> {
  if (process.stdin.isTTY) return readPassphrase(prompt);
  if (!piped) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    piped = Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
  }
  return piped.shift() ?? '';
}
