/** A URL safe to print (database, Redis): the password is replaced; `unparsable` stands in for one that is not a URL. */
export function redactedUrl(url: string, unparsable = url): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return unparsable;
  }
}
