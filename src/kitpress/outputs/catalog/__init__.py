"""The line-up catalogue: one designed PDF of every title of a catalogue build, in the screen
and print profiles of the press kit."""
