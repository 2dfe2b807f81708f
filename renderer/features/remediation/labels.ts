import type { Task } from '../../../shared/api/tasks';
import type { Tone } from '../../components/status';

export const TASK_STATUS_LABEL: Record<Task['status'], string> = {
  todo: 'To do',
  in_progress: 'In progress',
  blocked: 'Blocked',
  done: 'Done',
};

/** In progress is yellow and blocked red, as in the one palette; done is plain, not "met". */
export const TASK_STATUS_TONE: Record<Task['status'], Tone> = {
  todo: 'neutral',
  in_progress: 'partial',
  blocked: 'missing',
  done: 'neutral',
};

export const PRIORITY_LABEL: Record<Task['priority'], string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};
