import { Injectable } from '@nestjs/common';
import type { Principal } from '@tandem/domain';
import type { Encounter } from '@tandem/persistence';
import type { EncounterRecordedListener } from '../ledger/encounters.service';
import { BookingsService } from './bookings.service';

/** Attendance recorded on a booking's encounter: the booking moves from delivered to recorded. */
@Injectable()
export class BookingRecordedFromEncounter implements EncounterRecordedListener {
  constructor(private readonly bookings: BookingsService) {}

  async onAttendanceRecorded(p: Principal, encounter: Encounter): Promise<void> {
    if (encounter.bookingId) await this.bookings.markRecorded(p, encounter.bookingId);
  }
}
