import { Module } from '@nestjs/common';
import { EncounterFromBooking } from '../ledger/encounter-from-booking';
import { RequestsModule } from '../requests/requests.module';
import { BookingLinksController } from './booking-links.controller';
import { BookingLinksService } from './booking-links.service';
import { BookingOutbox } from './booking-outbox';
import { BookingSettingsService } from './booking-settings.service';
import { BookingLinkRepository, BookingRepository, BookingSettingsRepository, BookingSlotRepository, NotificationPreferenceRepository } from './bookings.repository';
import { BookingsResolver } from './bookings.resolver';
import { BOOKING_DELIVERED_LISTENER, BookingsService } from './bookings.service';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NudgeSchedulers } from './nudges/nudge-schedulers';
import { NudgeScanService } from './nudges/nudge-scan.service';
import { NudgesProcessor } from './nudges/nudges.processor';

const REPOSITORIES = [BookingRepository, BookingSlotRepository, BookingLinkRepository, BookingSettingsRepository, NotificationPreferenceRepository];

/**
 * Bookings in the API: GraphQL (requests for a slot, proposals, every change, lists and calendar,
 * hub settings, notification preferences) and the public pages behind emailed links. Exports the
 * service for matching (`propose`) and the ledger (`markRecorded`).
 */
@Module({
  imports: [RequestsModule],
  providers: [
    ...REPOSITORIES,
    BookingSettingsService,
    BookingOutbox,
    BookingsService,
    BookingLinksService,
    NotificationPreferencesService,
    BookingsResolver,
    // A delivered booking becomes an encounter in the ledger (same transaction).
    { provide: BOOKING_DELIVERED_LISTENER, useClass: EncounterFromBooking },
  ],
  controllers: [BookingLinksController],
  exports: [BookingsService, BookingSettingsService],
})
export class BookingsModule {}

/**
 * Bookings in the worker: each hub's daily nudge scan and its one job scheduler. (The booking mail
 * itself is composed by the notifications module's mail processor, one composer per kind.)
 */
@Module({
  providers: [BookingSettingsRepository, BookingSettingsService, NudgeScanService, NudgesProcessor, NudgeSchedulers],
  exports: [NudgeScanService, NudgeSchedulers],
})
export class BookingsJobsModule {}
