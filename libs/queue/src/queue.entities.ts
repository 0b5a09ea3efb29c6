import { OutboxMessage } from './entities/outbox-message.entity.js';

/** The tables this context owns, for libs/database to combine into the ORM's list. */
export const QUEUE_ENTITIES = [OutboxMessage] as const;
