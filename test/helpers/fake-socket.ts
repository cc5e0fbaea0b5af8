/** A stand-in for the browser's WebSocket in unit tests of the web socket clients (src/web/realtime/reconnectingSocket.ts). */
export class FakeSocket {
  readyState = 1;
  sent: unknown[] = [];
  closedWith?: number;
  onopen: ((ev: Event) => unknown) | null = null;
  onmessage: ((ev: MessageEvent) => unknown) | null = null;
  onclose: ((ev: CloseEvent) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;
  constructor(
    readonly url = '',
    readonly protocols: string[] = [],
  ) {}
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  close(code: number) {
    this.closedWith = code;
    this.readyState = 3;
  }
  serverSays(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent);
  }
  serverCloses(code: number) {
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }
}
