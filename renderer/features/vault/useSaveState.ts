import { useEffect, useState } from 'react';
import { useApi } from '../../api/provider';

/** 'saving' while a changing call is in flight; every change is saved as it is made. */
export function useSaveState(): 'saving' | 'saved' {
  const client = useApi();
  const [pending, setPending] = useState(0);
  useEffect(() => client.onWritesChange(setPending), [client]);
  return pending > 0 ? 'saving' : 'saved';
}
