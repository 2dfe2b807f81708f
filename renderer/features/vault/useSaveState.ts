import { useEffect, useState } from 'react';
import { api } from '../../api';

/** 'saving' while a changing call is in flight; every change is saved as it is made. */
export function useSaveState(): 'saving' | 'saved' {
  const [pending, setPending] = useState(0);
  useEffect(() => api.onWritesChange(setPending), []);
  return pending > 0 ? 'saving' : 'saved';
}
