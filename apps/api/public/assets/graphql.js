// The citizen pages speak the same GraphQL API as every other client.
window.suara = {
  async graphql(query, variables) {
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
            message:
              'Tidak dapat terhubung ke server. Periksa koneksi internet Anda lalu coba lagi.',
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
  },
  STATUS: {
    RECEIVED: 'Diterima',
    ROUTED: 'Diteruskan ke instansi',
    NEEDS_TRIAGE: 'Sedang diverifikasi',
    ACKNOWLEDGED: 'Dibaca instansi',
    IN_PROGRESS: 'Sedang ditindaklanjuti',
    RESOLVED: 'Selesai ditangani',
    CLOSED: 'Ditutup',
    REJECTED: 'Ditolak',
    DUPLICATE: 'Digabung dengan laporan lain',
  },
  KIND: {
    COMPLAINT: 'Pengaduan',
    SUGGESTION: 'Saran / aspirasi',
    COMPLIMENT: 'Apresiasi',
    QUESTION: 'Pertanyaan',
  },
  formatDate(iso) {
    return new Date(iso).toLocaleString('id-ID', { dateStyle: 'long', timeStyle: 'short' });
  },
};
