import { CanActivate, ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthService, IdentityErrors, type Principal } from '@suara/identity';

type RequestWithPrincipal = { headers: Record<string, string | undefined>; principal?: Principal };

function requestOf(context: ExecutionContext): RequestWithPrincipal {
  return context.getType<string>() === 'graphql'
    ? GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal }>().req
    : context.switchToHttp().getRequest<RequestWithPrincipal>();
}

/**
 * Requires a valid staff bearer token and puts its principal on the request.
 * What the principal may do is decided by the services, not here.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    const header = req.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw IdentityErrors.notSignedIn();
    req.principal = await this.auth.authenticate(token);
    return true;
  }
}

/** The signed-in staff member, put there by StaffAuthGuard. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => requestOf(context).principal!,
);
