// @ts-check
// The citizen pages speak the same GraphQL API as every other client.

/**
 * @typedef {object} GraphQLError
 * @property {string} message
 * @property {{ code?: string, field?: string }} [extensions]
 */

/**
 * @template T
 * @typedef {{ data?: T, errors?: GraphQLError[] }} GraphQLResult
 */

/**
 * Never throws: a network or server failure comes back as an error a citizen can read.
 * @template T
 * @param {string} query
 * @param {Record<string, unknown>} [variables]
 * @returns {Promise<GraphQLResult<T>>}
 */
export async function graphql(query, variables) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    return {
      errors: [
        {
          message: 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda lalu coba lagi.',
        },
      ],
    };
  }
  try {
    return await response.json();
  } catch {
    return {
      errors: [{ message: 'Server sedang bermasalah. Silakan coba lagi sebentar lagi.' }],
    };
  }
}
