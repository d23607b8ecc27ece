"""The configuration files of a run with several deployments (pure: texts and names, no gateway).

The trace's first deployment is the gateway's default one: io.dynofa.runtime.cfg and its camera io.dynofa.demo.cfg
logging to frames.jsonl. Every other one, NAME, is io.dynofa.deployment-NAME.cfg (the keys of io.dynofa.runtime
plus `name`) with the camera io.dynofa.demo.camera-NAME.cfg (`deployment = NAME`) logging to frames-NAME.jsonl.
Each deployment's file also carries its `priority` and `deadlineMs`; io.dynofa.arbitration.cfg names the arbiter
("" = none: every deployment takes its own policy's proposal) and any other property of the run's arbitration.
"""
import harness
import traces as tr

ARBITRATION_FILE = "io.dynofa.arbitration.cfg"
JOINT_ARBITRATION = {"arbiter": "priority-weighted"}


def gateway_name(trace, i):
    """The name deployment i has in the gateway (its 1-s lines' `deployment`, the cameras' `deployment`)."""
    return harness.DEFAULT_DEPLOYMENT if i == 0 else trace["deployments"][i]["name"]


def runtime_file(trace, i):
    return "io.dynofa.runtime.cfg" if i == 0 else f"io.dynofa.deployment-{trace['deployments'][i]['name']}.cfg"


def camera_file(trace, i):
    return "io.dynofa.demo.cfg" if i == 0 else f"io.dynofa.demo.camera-{trace['deployments'][i]['name']}.cfg"


def frame_log_name(trace, i):
    return "frames.jsonl" if i == 0 else f"frames-{trace['deployments'][i]['name']}.jsonl"


def runtime_text(trace, i, phase_index, policy, pinned, extra=()):
    """Deployment i's manager configuration in phase phase_index: that of a single-application run of its view
    (deadline, accuracy floor, items per frame, policy, pin, the run's extra properties) with its priority and
    deadlineMs, and for a deployment other than the default one its name."""
    view = tr.deployment_view(trace, i)
    phase = view["phases"][phase_index]
    d = trace["deployments"][i]
    text = harness.runtime_cfg(view, phase, policy, pinned, extra)
    text += f"priority = {d['priority']}\ndeadlineMs = {harness.deadline_of(view, phase)}\n"
    return text if i == 0 else text + f"name = {d['name']}\n"


def camera_text(trace, i, phase_index, frame_log):
    """Deployment i's camera in phase phase_index (fps, items, deadline), sending to its deployment and logging to
    frame_log."""
    view = tr.deployment_view(trace, i)
    phase = view["phases"][phase_index]
    text = harness.demo_cfg(view, phase, frame_log)
    return text if i == 0 else text + f"deployment = {gateway_name(trace, i)}\n"


def arbitration_text(properties):
    """The gateway's arbitration (io.dynofa.arbitration): its properties, `arbiter` by name ("" = none) first."""
    ordered = dict({"arbiter": properties.get("arbiter", "")}, **properties)
    return "".join(f"{k} = {v}\n" for k, v in ordered.items())


def policies_of(trace, run_policy):
    """Each deployment's policy in a run whose policy is run_policy: its own when the trace gives one."""
    return [d["policy"] or run_policy for d in trace["deployments"]]


def requirement(trace, i, phase_index):
    """(fps, deadlineMs) deployment i has in phase phase_index."""
    r = trace["deployments"][i]["requirements"][phase_index]
    return r["fps"], r["deadlineMs"]
