"""Running the room: the step timer, the plan, the projector, private turns, rehearsal."""
