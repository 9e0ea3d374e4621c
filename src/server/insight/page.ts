/** For server components: a 404 from a report service becomes Next's not-found page. */
import { notFound } from 'next/navigation';
import { HttpError } from '../api';

export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) notFound();
    throw err;
  }
}
