import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '@tandem/platform';

const API_VERSION = process.env['npm_package_version'] ?? '0.1.0';

/** `version`: lets a client (and the load balancer's GraphQL probe) check it reaches this API. */
@Resolver()
export class VersionResolver {
  @Public()
  @Query(() => String, { description: 'The API version' })
  apiVersion(): string {
    return API_VERSION;
  }
}
