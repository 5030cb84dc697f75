"""The running stride: the figures' standard body running in side view through one stride, with
its phases and the stretches when the adductors are measured active on a timeline beneath.

The numbers (joint angles at five events, when each event falls, when a muscle is active) live
in the charts file under ``stride:``; :mod:`.schema` gives their shape, :mod:`.checks` the rules
(every number sourced, angles within normal ranges of motion, events in order), :mod:`.pose`
poses the body (the one function to switch to the figures' motion engine), :mod:`.draw` makes the
drawing and the timeline, and :mod:`.macro` renders ``{{ stride() }}`` through ``stride.html``.
"""
