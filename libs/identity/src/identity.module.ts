import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule } from '@suara/audit';
import { RedisModule, SuaraConfig } from '@suara/core';
import { ReferenceModule } from '@suara/reference';
import { AuthService } from './auth.service.js';
import { StaffUsersService } from './staff-users.service.js';

@Module({
  imports: [
    AuditModule,
    ReferenceModule,
    RedisModule,
    JwtModule.registerAsync({
      inject: [SuaraConfig],
      useFactory: (config: SuaraConfig) => ({
        secret: config.env.JWT_SECRET,
        signOptions: { algorithm: 'HS256', issuer: 'suara' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'suara' },
      }),
    }),
  ],
  providers: [AuthService, StaffUsersService],
  exports: [AuthService, StaffUsersService],
})
export class IdentityModule {}
