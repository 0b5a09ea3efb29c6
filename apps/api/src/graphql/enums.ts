import { registerEnumType } from '@nestjs/graphql';
import { FeedbackChannel, FeedbackKind, FeedbackStatus } from '@suara/intake';

registerEnumType(FeedbackKind, {
  name: 'FeedbackKind',
  description:
    'COMPLAINT (pengaduan), SUGGESTION (saran/aspirasi), COMPLIMENT (apresiasi), QUESTION (permintaan informasi)',
});
registerEnumType(FeedbackStatus, { name: 'FeedbackStatus' });
registerEnumType(FeedbackChannel, { name: 'FeedbackChannel' });

export { FeedbackChannel, FeedbackKind, FeedbackStatus };
