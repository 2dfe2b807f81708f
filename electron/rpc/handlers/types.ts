import type { MethodName, Output, ParsedInput } from '../../../shared/api/index';
import type { RpcContext } from '../context';

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: RpcContext,
) => Promise<Output<M>> | Output<M>;

/** The handler table: exactly one handler per contract method. */
export type Handlers = { [M in MethodName]: Handler<M> };

/** A per-domain slice of the table, typed against the contract by its method names. */
export type HandlerSlice<M extends MethodName> = { [K in M]: Handler<K> };
