"""Prometheus metrics of the side panel's generations, on the default registry that jupyter-server's
``/metrics`` serves. Registered once per process, whatever the number of server apps."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

from jupyter_componentgen.engine.usage import Usage

# Seconds; generations stream for seconds to minutes, first tokens arrive in tenths of seconds to seconds.
_LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0, 120.0)

GENERATIONS = Counter(
    "componentgen_generations",
    "Generations finished, by outcome: saved, cached, failed or cancelled.",
    ["outcome"],
)
TIME_TO_FIRST_TOKEN = Histogram(
    "componentgen_time_to_first_token_seconds",
    "From a generation's start (after any queueing) to the model's first output.",
    buckets=_LATENCY_BUCKETS,
)
TIME_TO_FIRST_PREVIEW = Histogram(
    "componentgen_time_to_first_preview_seconds",
    "From a generation's start (after any queueing) to its first piece of component code.",
    buckets=_LATENCY_BUCKETS,
)
QUEUE_WAIT = Histogram(
    "componentgen_queue_wait_seconds",
    "Time a generation waited in the queue for a free slot.",
    buckets=_LATENCY_BUCKETS,
)
TOKENS = Counter(
    "componentgen_tokens",
    "Model tokens used by generations, by model and kind (input, output, cached).",
    ["model", "kind"],
)
ACTIVE = Gauge("componentgen_active_generations", "Generations running now.")
QUEUED = Gauge("componentgen_queued_generations", "Generations waiting for a free slot.")
SOCKET_MESSAGES_DROPPED = Counter(
    "componentgen_socket_messages_dropped",
    "Stream socket messages dropped unread because their socket sent too many too fast.",
)
FRAME_REPORTS = Counter(
    "componentgen_frame_reports",
    "Render reports (frame_status) from views: handled, or dropped over their socket's rate.",
    ["outcome"],
)
REQUEST_ERRORS = Counter(
    "componentgen_request_errors",
    "Stream socket requests refused, by error code.",
    ["code"],
)


def record_outcome(outcome: str, model: str, usage: Usage) -> None:
    GENERATIONS.labels(outcome=outcome).inc()
    for kind, count in (
        ("input", usage.input_tokens),
        ("output", usage.output_tokens),
        ("cached", usage.cached_tokens),
    ):
        if count:
            TOKENS.labels(model=model, kind=kind).inc(count)
