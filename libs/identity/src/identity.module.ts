import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule } from '@suara/audit';
import { RedisModule, SuaraConfig } from '@suara/core';
import { ReferenceModule } from '@suara/reference';
import { AuthService } from './auth.service.js';
import { LoginAttempts } from './login-attempts.js';
import { InstallationSecrets, InstallationSecretsModule } from './secrets/installation-secrets.js';
import { StaffUsersService } from './staff-users.service.js';
import { tokenOptions } from './tokens.js';

@Module({
  imports: [
    AuditModule,
    ReferenceModule,
    RedisModule,
    JwtModule.registerAsync({
      imports: [InstallationSecretsModule],
      inject: [SuaraConfig, InstallationSecrets],
      useFactory: (config: SuaraConfig, secrets: InstallationSecrets) =>
        tokenOptions(config.env.JWT_SECRET, secrets),
    }),
  ],
  providers: [AuthService, StaffUsersService, LoginAttempts],
  exports: [AuthService, StaffUsersService],
})
export class IdentityModule {}
