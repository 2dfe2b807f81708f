import { type RefObject, useLayoutEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { stepAddress } from './step-address';

/**
 * Each step opens at its top: a nav click, a palette jump, the wizard's Next or confirming the
 * scope would otherwise keep the scroll offset of the page before and land mid-page. Both the
 * document and the main region are reset, whichever of them scrolls. Going Back counts too: the
 * page is rendered anew, so an offset kept from elsewhere would be as arbitrary there.
 */
export function useStepOpensAtTop(main: RefObject<HTMLElement | null>): void {
  const { pathname, search } = useLocation();
  const address = stepAddress(pathname, search);
  const previous = useRef(address);
  useLayoutEffect(() => {
    if (previous.current === address) return;
    previous.current = address;
    document.scrollingElement?.scrollTo({ top: 0, left: 0 });
    main.current?.scrollTo({ top: 0, left: 0 });
  }, [address, main]);
}
