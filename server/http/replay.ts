import http from 'node:http';

/**
 * A request for Next whose body is `body`, already read (and size-checked) by the server.
 * why: the original stream has been consumed; Next reads the body from the request it is given,
 * so it gets a fresh IncomingMessage on the same socket with the same method, URL and headers.
 */
export function replayRequest(req: http.IncomingMessage, body: Buffer): http.IncomingMessage {
  const copy = new http.IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = { ...req.headers };
  copy.rawHeaders = [...req.rawHeaders];
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  // why: an IncomingMessage that ends while not `complete` counts as aborted and destroys its
  // socket (the connection the response still has to go out on); this one holds its whole body.
  copy.complete = true;
  if (body.length > 0) copy.push(body);
  copy.push(null);
  return copy;
}
