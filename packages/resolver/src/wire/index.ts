export { decodeMessage, encodeMessage, formErrFor, readHeaderId, isResponseHeader, type EncodeOptions } from './codec.ts';
export { WireError } from './errors.ts';
