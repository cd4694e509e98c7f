import { Body, Controller, Get, Logger, Param, Post, Query, Res } from '@nestjs/common';
import { Public } from '@tandem/platform';
import { BookingLinksService } from './booking-links.service';
import { linkPage, preferencesPage, type HtmlPage } from './link-pages';
import { NotificationPreferencesService } from './notification-preferences.service';

/** What the controller needs of Fastify's reply (kept structural: no dependency on Fastify's types). */
interface HtmlReply {
  status(code: number): HtmlReply;
  header(name: string, value: string): HtmlReply;
  send(body: string): unknown;
}

/**
 * Public pages behind emailed links (no log-in): Accept / Decline a booking request, and email
 * preferences. GET shows, POST acts. Tokens travel in the path or query, so the pages send no
 * referrer, are not cached or indexed, and run no scripts.
 */
@Public()
@Controller()
export class BookingLinksController {
  private readonly logger = new Logger(BookingLinksController.name);

  constructor(
    private readonly links: BookingLinksService,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  @Get('bookings/respond/:token')
  async show(@Param('token') token: string, @Res() reply: HtmlReply): Promise<void> {
    await this.render(reply, async () => linkPage(await this.links.open(token)));
  }

  @Post('bookings/respond/:token')
  async answer(@Param('token') token: string, @Body() body: unknown, @Res() reply: HtmlReply): Promise<void> {
    await this.render(reply, async () => linkPage(await this.links.answer(token, formOf(body))));
  }

  @Get('email-preferences')
  async showPreferences(@Query() query: Record<string, unknown>, @Res() reply: HtmlReply): Promise<void> {
    await this.render(reply, async () => preferencesPage(await this.preferences.fromLink(query['hub'], query['email'], query['token'])));
  }

  @Post('email-preferences')
  async savePreferences(@Query() query: Record<string, unknown>, @Body() body: unknown, @Res() reply: HtmlReply): Promise<void> {
    await this.render(reply, async () => {
      const view = await this.preferences.saveFromLink(query['hub'], query['email'], query['token'], formOf(body)['receive']);
      return preferencesPage(view, view !== null);
    });
  }

  private async render(reply: HtmlReply, build: () => Promise<HtmlPage>): Promise<void> {
    let result: HtmlPage;
    try {
      result = await build();
    } catch (err) {
      // Never a stack or SQL on a public page: a plain apology, the details in the log.
      this.logger.error(`link page failed: ${err instanceof Error ? err.message : String(err)}`);
      result = {
        status: 500,
        html: '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Something went wrong – Tandem</title></head><body><main><h1>Something went wrong</h1><p>Nothing was changed. Please try the link again in a few minutes.</p></main></body></html>',
      };
    }
    reply
      .status(result.status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex')
      .header('x-content-type-options', 'nosniff')
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      )
      .send(result.html);
  }
}

/** A urlencoded form body as a plain object (anything else counts as an empty form). */
function formOf(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
