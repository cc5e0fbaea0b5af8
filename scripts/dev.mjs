// npm run dev: the API server (restarts on change) and Vite with hot reload, which proxies /api to it.
import { spawn } from 'node:child_process';

const env = { ...process.env, SERVE_WEB: 'false', PORT: process.env.PORT ?? '3000' };
const children = [
  spawn('npx', ['tsx', 'watch', 'src/server/main.ts', 'start'], { stdio: 'inherit', env }),
  spawn('npx', ['vite'], { stdio: 'inherit', env: process.env }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => { stop(); process.exitCode = code ?? 0; });
