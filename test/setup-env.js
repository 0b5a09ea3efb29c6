// CommonJS packages (@nestjs/throttler, nestjs-pino, @bull-board/nestjs) require() the ES modules
// of Nest; loading those first means jest never meets them half-evaluated.
import '@nestjs/common';
import '@nestjs/core';
import '@nestjs/bull-shared';
import '@nestjs/graphql';

// Quiet, predictable defaults for every test file; each file still gets its own
// database and queue prefix from libs/testing.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'silent';
process.env.PUBLIC_RATE_LIMIT ??= '100000';
process.env.PUBLIC_STATUS_RATE_LIMIT ??= '100000';
process.env.OUTBOX_POLL_MS ??= '20';
// Without SMTP_URL, notices are written as files: keep the tests' out of the working tree.
process.env.MAIL_OUTBOX_DIR ??= `${process.env.TMPDIR ?? '/tmp'}/suara-test-mail`;
