-- The overdue watch also looks at scheduled steps (an appointment whose start, tolerance
-- included, passed without its completion; a quote unanswered past the step's due date):
-- its index covers them, still partial so that done, skipped and overdue steps stay out.
drop index pathway_step_due;
create index pathway_step_due on pathway_step (due_at) where status in ('PLANNED', 'SCHEDULED', 'BROKEN');

-- Quotes are sources of a step's track too (timeline.StepTrack), beside holds and
-- appointments.
alter table pathway_step_source drop constraint pathway_step_source_state_check;
alter table pathway_step_source add constraint pathway_step_source_state_check
    check (state in ('HELD', 'CONFIRMED', 'RELEASED', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'MISSED',
                     'QUOTE_SENT', 'QUOTE_ACCEPTED', 'QUOTE_REJECTED', 'QUOTE_EXPIRED'));
