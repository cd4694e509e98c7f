import { Module } from '@nestjs/common';
import { RequestsModule } from '@tandem/features/requests';
import { BookingLinksController } from './booking-links.controller';
import { BookingLinksService } from './booking-links.service';
import { BookingOutbox } from './booking-outbox';
import { BookingSettingsService } from './booking-settings.service';
import {
  BookingLinkRepository,
  BookingRepository,
  BookingSettingsRepository,
  BookingSlotRepository,
  NotificationPreferenceRepository,
} from './bookings.repository';
import { BookingsResolver } from './bookings.resolver';
import { BookingsService } from './bookings.service';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NudgeSchedulers } from './nudges/nudge-schedulers';
import { NudgeScanService } from './nudges/nudge-scan.service';
import { NudgesProcessor } from './nudges/nudges.processor';

const REPOSITORIES = [
  BookingRepository,
  BookingSlotRepository,
  BookingLinkRepository,
  BookingSettingsRepository,
  NotificationPreferenceRepository,
];

/**
 * Bookings in the API: GraphQL (requests for a slot, proposals, every change, lists and calendar,
 * hub settings, notification preferences) and the public pages behind emailed links. Exports the
 * service for matching (`propose`) and the ledger (`markRecorded`). BookingsService needs
 * BOOKING_DELIVERED_LISTENER, which only the ledger's BookingEncounterBridgeModule provides.
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
