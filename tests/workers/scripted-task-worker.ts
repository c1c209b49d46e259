// A stand-in worker for the generic pool tests: "progress N" reports 1..N and answers
// "reported N"; "progress N then hang" reports 1..N and never answers; "throw" throws; anything else is answered with the thread that ran it.
import { threadId } from 'node:worker_threads';
import { serveTasks } from '../../main/workers/serve.ts';

serveTasks<string, string, number>(async (task, progress) => {
  if (task === 'throw') throw new Error('a scripted bug');
  const reports = /^progress (\d+)( then hang)?$/.exec(task);
  if (!reports) return `${task} by thread-${threadId}`;
  const count = Number(reports[1]);
  for (let step = 1; step <= count; step += 1) progress(step);
  if (reports[2]) await new Promise(() => {});
  return `reported ${count}`;
});
