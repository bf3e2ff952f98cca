"""Pure functions over lists of events: dyads, balance, agreements, corridors, the actor network.

Nothing here reads the database; callers pass the events (``store.events(EventQuery(...))``).
"""
