// @ts-check
// The dashboard reads the same GraphQL API as every other client, with the planner's token.

const TOKEN_KEY = 'suara.planner.token';

/** @typedef {{ message: string, extensions?: { code?: string } }} GraphQLError */

export const token = {
  /** @returns {string | null} */
  get: () => sessionStorage.getItem(TOKEN_KEY),
  /** @param {string} value */
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** Called when the server no longer accepts the token (expired, revoked). */
let onSignedOut = () => {};
/** @param {() => void} handler */
export function whenSignedOut(handler) {
  onSignedOut = handler;
}

/**
 * Never throws: a network or server failure comes back as an error a planner can read.
 * @param {string} query
 * @param {Record<string, unknown>} [variables]
 * @returns {Promise<{ data?: any, errors?: GraphQLError[] }>}
 */
export async function api(query, variables = {}) {
  /** @type {Record<string, string>} */
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  const bearer = token.get();
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    return {
      errors: [{ message: 'Tidak dapat terhubung ke server. Periksa jaringan lalu coba lagi.' }],
    };
  }
  /** @type {{ data?: any, errors?: GraphQLError[] }} */
  let result;
  try {
    result = await response.json();
  } catch {
    return { errors: [{ message: 'Server sedang bermasalah. Coba lagi sebentar lagi.' }] };
  }
  if (bearer && result.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    token.clear();
    onSignedOut();
  }
  return result;
}

/**
 * Downloads a CSV export: a plain link cannot carry the bearer token, so the
 * file is fetched and handed to the browser as a Blob.
 * @param {string} path
 * @param {string} fallbackName
 * @returns {Promise<string | null>} an error message, or null when the download started
 */
export async function downloadCsv(path, fallbackName) {
  let response;
  try {
    response = await fetch(path, { headers: { authorization: `Bearer ${token.get() ?? ''}` } });
  } catch {
    return 'Tidak dapat terhubung ke server. Periksa jaringan lalu coba lagi.';
  }
  if (!response.ok) return `Unduhan gagal (kode ${response.status}). Masuk ulang lalu coba lagi.`;
  const blob = await response.blob();
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}
