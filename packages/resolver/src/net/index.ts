export { startDnsServer, udpReplySize, type DnsServer, type DnsServerOptions, type Handler, type QueryInfo } from './server.ts';
export { Transport, type QueryOptions, type TransportOptions } from './transport.ts';
export { drive, type DriveOptions } from './drive.ts';
export { frame, FrameReader } from './framing.ts';
