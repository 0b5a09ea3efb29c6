import { Module } from '@nestjs/common';
import { AuditModule } from '@suara/audit';
import { InstallationSecretsModule } from '@suara/identity';
import { EmailChannel } from './channels/email.channel.js';
import {
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
} from './channels/notification-channel.js';
import { CitizenNotifier } from './citizen-notifier.service.js';
import { NotificationPreferences } from './notification-preferences.service.js';
import { StopTokens } from './stopping/stop-tokens.js';

@Module({
  imports: [AuditModule, InstallationSecretsModule],
  providers: [
    EmailChannel,
    // In order of preference; an SMS or WhatsApp gateway joins this list.
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [EmailChannel],
      useFactory: (email: EmailChannel): NotificationChannel[] => [email],
    },
    StopTokens,
    CitizenNotifier,
    NotificationPreferences,
  ],
  exports: [CitizenNotifier, NotificationPreferences],
})
export class NotificationsModule {}
