"""Prompt-injection defences around the model call: ``output.py`` refuses answers that are not code, quote
the system prompt or carry a banned phrase; ``classifier.py`` asks an optional small model whether a prompt
tries to make the component escape its sandbox."""
