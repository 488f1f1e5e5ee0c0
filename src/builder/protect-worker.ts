/** Worker thread of `core-feed build --protection full`: protects the blocks it is sent (protect.ts). */
import { serveTasks } from '../workers/pool.js';
import { protectBlock, type BlockStatus, type BlockTask } from './protect.js';

serveTasks<BlockTask, BlockStatus>((task) => protectBlock(task, 'full'), { transfer: (r) => [r.status.buffer as ArrayBuffer] });
