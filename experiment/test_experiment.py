"""Unit tests of the experiment's pure parts on synthetic data (no gateway):
/usr/bin/python3 -m unittest discover -s experiment -p 'test_*.py'"""
import contextlib
import importlib.util
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
from unittest import mock

import analysis
import apps
import apps_oracle as ao
import apps_report
import apps_run
import contention
import deployments as dp
import frames as fr
import harness
import oracle
import report
import run
import traces as tr

TOP1 = {"small": 87.0, "mid": 90.0, "big": 92.0}


def line(n, arrival_s, latency_ms, outcome="ok", level="big", items=4, correct=3, deadline=50.0):
    arrival = int(arrival_s * 1e9)
    end = None if outcome == "dropped" else arrival + int(latency_ms * 1e6)
    return json.dumps({"frame": n, "arrivalNs": arrival, "startNs": None if end is None else arrival, "endNs": end,
                       "deadlineMs": deadline, "level": None if outcome == "dropped" else level, "backend": "cpu",
                       "items": items, "correct": correct if end else 0, "outcome": outcome, "reason": None})


def camera(seconds, fps, fn):
    """Frame-log lines of a camera at fps; fn(t) -> (latency_ms, outcome, level)."""
    out = []
    for n in range(int(seconds * fps)):
        t = n / fps
        latency, outcome, level = fn(t)
        out.append(line(n, t, latency, outcome, level))
    return out


class FrameLogTest(unittest.TestCase):
    def test_parses_frames_and_skips_bad_lines(self):
        lines = [line(0, 1.0, 10), "not json", json.dumps({"outcome": "ok"}), json.dumps([1]), "",
                 line(1, 1.05, 60, "late"), line(2, 1.1, 0, "dropped")]
        frames, skipped = fr.parse(lines, offset_s=0.5)
        self.assertEqual(3, skipped)
        self.assertEqual([0.5, 0.55], [round(f.t, 2) for f in frames[:2]])
        self.assertEqual([10.0, 60.0, None], [f.latency_ms for f in frames])
        self.assertEqual([True, False, False], [f.within for f in frames])
        self.assertIsNone(frames[2].level)

    def test_stats_count_late_and_dropped_as_misses_over_frames_offered(self):
        lines = [line(i, i * 0.05, 10 + i) for i in range(6)] + [line(6, 0.3, 70, "late", "mid"),
                                                                  line(7, 0.35, 0, "dropped")]
        frames, _ = fr.parse(lines)
        s = fr.stats(frames, 2.0, TOP1)
        self.assertEqual(8, s["frames"])
        self.assertAlmostEqual(6 / 8, s["framesWithinDeadline"])
        self.assertEqual((1, 1), (s["late"], s["dropped"]))
        self.assertEqual(13.0, s["p50Ms"])
        self.assertEqual(70.0, s["p99Ms"])
        self.assertAlmostEqual(7 * 4 / 2.0, s["itemsPerSecond"])
        self.assertAlmostEqual((6 * 92.0 + 90.0) / 7, s["meanAccuracy"])
        self.assertAlmostEqual(100.0 * 21 / 28, s["streamAccuracy"])
        self.assertEqual(1, s["switches"])

    def test_empty_span_has_no_shares(self):
        s = fr.stats([], 1.0, TOP1)
        self.assertEqual(0, s["frames"])
        self.assertIsNone(s["framesWithinDeadline"])
        self.assertIsNone(s["p95Ms"])

    def test_percentile_is_nearest_rank(self):
        self.assertEqual(95, fr.percentile(list(range(1, 101)), 95))
        self.assertEqual(3, fr.percentile([3], 99))


class ReactionTest(unittest.TestCase):
    def frames(self):
        # onset at 2 s: big is late from then on until the policy moves to mid at 2.4 s
        def fn(t):
            if t < 2.0:
                return 30, "ok", "big"
            if t < 2.4:
                return 60, "late", "big"
            return 20, "ok", "mid"
        return fr.parse(camera(5, 20, fn))[0]

    def test_move_and_back_within_deadline(self):
        r = fr.reaction(self.frames(), 2.0, 5.0)
        self.assertEqual(400.0, r["moveMs"])
        self.assertEqual(400.0, r["backWithinDeadlineMs"])

    def test_no_move_and_no_recovery_within_the_phase(self):
        frames = fr.parse(camera(4, 20, lambda t: (30, "ok", "big") if t < 2 else (70, "late", "big")))[0]
        r = fr.reaction(frames, 2.0, 4.0)
        self.assertIsNone(r["moveMs"])
        self.assertIsNone(r["backWithinDeadlineMs"])

    def test_never_missed_is_back_at_once(self):
        frames = fr.parse(camera(4, 20, lambda t: (30, "ok", "big")))[0]
        self.assertEqual(0.0, fr.reaction(frames, 2.0, 4.0)["backWithinDeadlineMs"])


class TraceTest(unittest.TestCase):
    def test_old_trace_keeps_working(self):
        t = tr.normalise({"name": "c", "targetMs": 0.4, "fps": 0, "phases": [
            {"name": "idle", "seconds": 12, "hogs": 0}, {"name": "hog", "seconds": 12, "hogs": 2},
            {"name": "burst", "seconds": 12, "hogs": 2, "onSeconds": 2, "offSeconds": 2}]})
        self.assertEqual([0, 2, 2], [p["cpuHogs"] for p in t["phases"]])
        self.assertEqual([0, 0, 0], [p["memHogs"] + p["coRunner"] for p in t["phases"]])
        self.assertEqual(0.4, tr.effective_deadline_ms(t["phases"][0]))
        self.assertEqual(1, t["itemsPerFrame"])
        burst = t["phases"][2]
        self.assertEqual(2, tr.contention_at(burst, 1.0, 1.0)["cpuHogs"])
        self.assertEqual(0, tr.contention_at(burst, 3.0, 1.0)["cpuHogs"])
        self.assertEqual([12.0, 28.0, 32.0], [o["t"] for o in tr.onsets(t, 1.0)])

    def test_requirement_carries_over_and_a_tighter_deadline_is_an_onset(self):
        t = tr.normalise({"fps": 20, "itemsPerFrame": 64, "phases": [
            {"name": "a", "seconds": 10}, {"name": "b", "seconds": 10, "memHogs": 1, "coRunner": 1},
            {"name": "c", "seconds": 10, "fps": 40}, {"name": "d", "seconds": 10, "deadlineMs": 30}]})
        self.assertEqual([20, 20, 40, 40], [p["fps"] for p in t["phases"]])
        self.assertEqual([50.0, 50.0, 25.0, 30], [tr.effective_deadline_ms(p) for p in t["phases"]])
        self.assertEqual([(5.0, "memHogs=1,coRunner=1"), (10.0, "deadline")],
                         [(o["t"], o["cause"]) for o in tr.onsets(t, 0.5)])

    def test_max_counts_are_per_kind_over_all_phases(self):
        t = tr.normalise({"fps": 20, "phases": [
            {"name": "a", "seconds": 5}, {"name": "b", "seconds": 5, "cpuHogs": 2},
            {"name": "c", "seconds": 5, "memHogs": 1, "coRunner": 1},
            {"name": "d", "seconds": 5, "memHogs": 3, "onSeconds": 1, "offSeconds": 1}]})
        self.assertEqual({"cpuHogs": 2, "memHogs": 3, "coRunner": 1}, tr.max_counts(t["phases"]))
        self.assertEqual({"cpuHogs": 0, "memHogs": 0, "coRunner": 0}, tr.max_counts([{"name": "idle"}]))
        self.assertEqual({"cpuHogs": 2, "memHogs": 1, "coRunner": 1},
                         tr.max_counts(oracle.conditions(tr.normalise({"phases": [
                             {"seconds": 1, "cpuHogs": 2}, {"seconds": 1, "memHogs": 1, "coRunner": 1}]}))))

    def test_bad_traces_are_refused_clearly(self):
        for bad in ({}, {"phases": []}, {"phases": [{"seconds": -1}]}, {"phases": [{"seconds": 1, "cpuHogs": 99}]},
                    {"phases": [{"seconds": 1, "fps": "x"}]}, {"phases": [5]},
                    {"fps": True, "phases": [{"seconds": 1}]}):
            with self.assertRaises(tr.TraceError, msg=bad):
                tr.normalise(bad)

    def test_shipped_traces_load(self):
        for name in ("frames.json", "contention.json"):
            t = tr.load(os.path.join(harness.ROOT, "models", "traces", name))
            self.assertTrue(t["phases"])
        frames = tr.load(os.path.join(harness.ROOT, "models", "traces", "frames.json"))
        kinds = {k for p in frames["phases"] for k in tr.CONTENTION_KEYS if p[k]}
        self.assertEqual(set(tr.CONTENTION_KEYS), kinds)
        self.assertGreater(len({p["fps"] for p in frames["phases"]}), 1)


class OracleTest(unittest.TestCase):
    CAL = {"idle": {"small": [2, 2, 3], "mid": [10, 11, 12], "big": [30, 31, 45]},
           "cpuHogs=2": {"small": [3, 4, 5], "mid": [20, 24, 30], "big": [50, 70, 90]}}

    def test_choose_most_accurate_level_whose_p99_fits(self):
        self.assertEqual(("big", 1.0), oracle.choose(self.CAL["idle"], TOP1, 50))
        self.assertEqual(("mid", 1.0), oracle.choose(self.CAL["cpuHogs=2"], TOP1, 50))
        self.assertEqual(("small", 0.0), oracle.choose(self.CAL["cpuHogs=2"], TOP1, 2))
        level, share = oracle.choose(self.CAL["idle"], TOP1, 40)
        self.assertEqual("mid", level)

    def test_run_weights_phases_by_frames(self):
        t = tr.normalise({"fps": 20, "phases": [{"name": "a", "seconds": 10}, {"name": "b", "seconds": 10,
                                                                              "cpuHogs": 2}]})
        r = oracle.run(t, 1.0, self.CAL, TOP1)
        self.assertEqual("oracle", r["kind"])
        self.assertEqual(["big", "mid"], [p["level"] for p in r["phases"]])
        self.assertEqual(400, r["frames"])
        self.assertAlmostEqual(91.0, r["meanAccuracy"])
        self.assertEqual(1, r["switches"])
        self.assertEqual([{"cpuHogs": 0, "memHogs": 0, "coRunner": 0}, {"cpuHogs": 2, "memHogs": 0, "coRunner": 0}],
                         oracle.conditions(t))


class AnalysisTest(unittest.TestCase):
    def test_summary_per_phase_and_reactions(self):
        t = tr.normalise({"fps": 20, "phases": [{"name": "idle", "seconds": 2},
                                                {"name": "hogs", "seconds": 2, "cpuHogs": 2}]})

        def fn(t_):
            if t_ < 2.0:
                return 30, "ok", "big"
            return (60, "late", "big") if t_ < 2.2 else (20, "ok", "mid")
        # camera started 1 s before the trace: its times are shifted by the segment offset
        lines = camera(5, 20, lambda c: fn(c - 1.0))
        row = analysis.summarise({"name": "managed: x", "kind": "managed", "segments": [(lines, 1.0)]}, t, 1.0, TOP1)
        self.assertEqual(80, row["frames"])
        self.assertAlmostEqual(76 / 80, row["framesWithinDeadline"])
        self.assertEqual(["idle", "hogs"], [p["name"] for p in row["phases"]])
        self.assertEqual([1.0, 36 / 40], [p["framesWithinDeadline"] for p in row["phases"]])
        self.assertEqual(1, row["switches"])
        self.assertEqual(200.0, row["reactions"][0]["moveMs"])


class ContentionTest(unittest.TestCase):
    def test_cache_sizes_and_the_memory_hog_array(self):
        self.assertEqual(2048 * 1024, contention.parse_cache_size("2048K\n"))
        self.assertEqual(480 << 20, contention.parse_cache_size("480M"))
        self.assertIsNone(contention.parse_cache_size("lots"))
        self.assertEqual(256, contention.mem_hog_mb(32 << 20))
        self.assertEqual(1024, contention.mem_hog_mb(480 << 20))
        self.assertEqual(64, contention.mem_hog_mb(1 << 20))
        self.assertEqual(300, contention.mem_hog_mb(480 << 20, 300))

    def test_last_level_cache_from_sysfs(self):
        with tempfile.TemporaryDirectory() as d:
            for i, (level, size) in enumerate(((1, "48K"), (2, "2048K"), (3, "32768K"))):
                os.makedirs(os.path.join(d, f"index{i}"))
                for name, value in (("level", str(level)), ("size", size)):
                    with open(os.path.join(d, f"index{i}", name), "w") as f:
                        f.write(value + "\n")
            self.assertEqual(32 << 20, contention.last_level_cache_bytes(d))
            self.assertIsNone(contention.last_level_cache_bytes(os.path.join(d, "none")))


class FakeProcess:
    """A Popen stand-in whose stdout pipe already holds `ready`."""

    def __init__(self, pid, args, stdout=None, **_):
        self.pid, self.args, self.returncode, self.killed = pid, args, None, False
        self.stdout = None
        if stdout == subprocess.PIPE:
            r, w = os.pipe()
            os.write(w, b"starting\nready\n")
            os.close(w)
            self.stdout = os.fdopen(r, "rb")

    def poll(self):
        return self.returncode

    def kill(self):
        self.killed, self.returncode = True, -9

    def wait(self, timeout=None):
        return self.returncode


class FakeSystem:
    """Fake Popen and os.kill: the processes started and the signals sent, in order."""

    def __init__(self):
        self.procs, self.signals = [], []

    def popen(self, args, **kwargs):
        p = FakeProcess(100 + len(self.procs), args, **kwargs)
        self.procs.append(p)
        return p

    def kill(self, pid, sig):
        self.signals.append((pid, sig))

    def take(self):
        out, self.signals = self.signals, []
        return out


class ContentionProcessesTest(unittest.TestCase):
    def test_prepare_starts_the_most_needed_and_pauses_them_and_apply_signals_only_changes(self):
        fake = FakeSystem()
        others = contention.Contention({}, "/models", popen=fake.popen, kill=fake.kill)
        others.prepare({"cpuHogs": 2, "memHogs": 1, "coRunner": 0})
        self.assertEqual(3, len(fake.procs))
        self.assertEqual(["-c", "-c", "memhog"], [p.args[1] if p.args[1] == "-c" else p.args[2] for p in fake.procs])
        self.assertTrue(all(p.stdout.closed for p in fake.procs))
        self.assertEqual([(100, signal.SIGSTOP), (101, signal.SIGSTOP), (102, signal.SIGSTOP)], fake.take())
        others.apply({"cpuHogs": 1, "memHogs": 0, "coRunner": 0})
        self.assertEqual([(100, signal.SIGCONT)], fake.take())
        others.apply({"cpuHogs": 1})
        self.assertEqual([], fake.take())
        others.apply({"cpuHogs": 2, "memHogs": 1})
        self.assertEqual([(101, signal.SIGCONT), (102, signal.SIGCONT)], fake.take())
        others.apply({"cpuHogs": 0, "memHogs": 1})
        self.assertEqual([(100, signal.SIGSTOP), (101, signal.SIGSTOP)], fake.take())
        self.assertEqual(3, len(fake.procs))
        others.stop()
        self.assertTrue(all(p.killed for p in fake.procs))

    def test_apply_without_prepare_starts_processes_running(self):
        fake = FakeSystem()
        pool = contention.ProcessPool("CPU hog", lambda: ["hog"], fake.popen, fake.kill)
        pool.set(2)
        self.assertEqual(2, len(fake.procs))
        self.assertEqual([], fake.take())
        pool.set(1)
        self.assertEqual([(101, signal.SIGSTOP)], fake.take())
        pool.set(3)
        self.assertEqual(3, len(fake.procs))
        self.assertEqual([(101, signal.SIGCONT)], fake.take())

    def test_a_process_that_died_during_the_run_is_an_error_naming_its_kind(self):
        fake = FakeSystem()
        pool = contention.ProcessPool("memory hog", lambda: ["hog"], fake.popen, fake.kill)
        pool.prepare(2)
        pool.set(1)
        fake.procs[1].returncode = -11
        with self.assertRaisesRegex(RuntimeError, r"memory hog process 2 \(pid 101\) exited unexpectedly"):
            pool.set(1)

    @staticmethod
    def state(pid):
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]

    def await_state(self, pid, wanted):
        for _ in range(500):
            if (self.state(pid) == "T") == wanted:
                return True
            time.sleep(0.01)
        return False

    def test_real_processes_wait_for_ready_then_stop_and_continue(self):
        pool = contention.ProcessPool("CPU hog", lambda: [sys.executable, "-c", contention.CPU_HOG])
        try:
            pool.prepare(1)
            pid = pool.procs[0].pid
            self.assertTrue(self.await_state(pid, True), "paused after prepare")
            pool.set(1)
            self.assertTrue(self.await_state(pid, False), "running once released")
            pool.set(0)
            self.assertTrue(self.await_state(pid, True), "paused again")
        finally:
            pool.stop()
        self.assertEqual([], pool.procs)

    @unittest.skipUnless(importlib.util.find_spec("numpy"), "the memory hog needs numpy")
    def test_memory_hog_says_ready_after_its_first_sweep(self):
        pool = contention.ProcessPool("memory hog", lambda: [sys.executable, contention.__file__, "memhog", "8"])
        try:
            pool.prepare(1)
            self.assertIsNone(pool.procs[0].poll())
        finally:
            pool.stop()

    def test_a_process_exiting_or_silent_before_ready_is_an_error_naming_its_kind(self):
        pool = contention.ProcessPool("co-runner", lambda: [sys.executable, "-c", "import sys; sys.exit(3)"])
        try:
            with self.assertRaisesRegex(RuntimeError, r"co-runner process \(pid \d+\) exited before it was ready "
                                                      r"\(status 3\)"):
                pool.prepare(1)
        finally:
            pool.stop()
        pool = contention.ProcessPool("memory hog", lambda: [sys.executable, "-c", "import time; time.sleep(60)"])
        try:
            with self.assertRaisesRegex(RuntimeError, "1 memory hog process\\(es\\) not ready within 0.2 s"):
                pool.prepare(1, timeout=0.2)
        finally:
            pool.stop()


class PolicyVariantsTest(unittest.TestCase):
    def test_variants_parse_in_order_and_the_same_policy_may_repeat(self):
        self.assertEqual([("slack-fit", None), ("slack-fit", {"margin": "0.85", "upDwellMs": "500"}),
                          ("paper-step", {"stepUp": "true"}), ("alert", None)],
                         run.parse_policies(" slack-fit, slack-fit:margin=0.85; upDwellMs = 500 ,"
                                            "paper-step:stepUp=true,,alert"))
        self.assertEqual([("slack-fit", {"margin": "0.8"}), ("slack-fit", {"margin": "0.9"})],
                         run.parse_policies("slack-fit:margin=0.8,slack-fit:margin=0.9"))

    def test_bad_variants_are_refused(self):
        for bad, why in (("slack-fit:", "not key=value"), ("slack-fit:margin", "not key=value"),
                         ("slack-fit:margin=", "not key=value"), ("slack-fit:=1", "not key=value"),
                         ("slack-fit:margin=0.8 5", "not key=value"), ("slack-fit:margin=$(rm -rf x)", "not key"),
                         ("slack-fit:margin=1\nfoo=2", "not key=value"), ("slack-fit:9x=1", "not key=value"),
                         ("slack-fit:margin=0.8;margin=0.9", "sets margin twice"),
                         ("slack-fit:margin=1,upDwellMs=5", "not a policy name"),
                         ("slack-fit,slack-fit", "twice"), ("slack-fit:a=1,slack-fit:a=1", "twice"),
                         ("Slack Fit", "not a policy name"), ("other:a=1", "no known configuration PID")):
            with self.assertRaisesRegex(ValueError, why, msg=bad):
                run.parse_policies(bad)

    def test_a_bad_variant_is_an_argparse_error(self):
        err = io.StringIO()
        handlers = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}
        try:
            with mock.patch.object(sys, "argv", ["run.py", "--policies", "slack-fit:margin"]), \
                    contextlib.redirect_stderr(err), self.assertRaises(SystemExit) as exit_:
                run.main()
        finally:
            for s, h in handlers.items():
                signal.signal(s, h)
        self.assertEqual(2, exit_.exception.code)
        self.assertIn("is not key=value", err.getvalue())

    def test_run_names_carry_the_variant(self):
        self.assertEqual("managed: slack-fit (margin=0.85, upDwellMs=500)",
                         run.run_name("managed", "slack-fit", {"margin": "0.85", "upDwellMs": "500"}))
        self.assertEqual("baseline: paper-step", run.run_name("baseline", "paper-step", None))

    def test_the_variant_is_written_to_the_policy_configuration_of_the_run(self):
        t = tr.normalise({"fps": 20, "itemsPerFrame": 4, "phases": [{"seconds": 1}]})
        work = harness.scratch_dir(t, "slack-fit", None, (), {"margin": "0.85", "upDwellMs": "500"})
        try:
            with open(os.path.join(work, "runtime-config", "io.dynofa.policy.slackfit.cfg")) as f:
                self.assertEqual("margin = 0.85\nupDwellMs = 500\n", f.read())
            with open(os.path.join(work, "runtime-config", "io.dynofa.runtime.cfg")) as f:
                self.assertIn("policy = slack-fit\n", f.read())
        finally:
            shutil.rmtree(work)


class CalibrationFromTest(unittest.TestCase):
    TRACE = tr.normalise({"name": "frames", "fps": 20, "itemsPerFrame": 4, "phases": [{"seconds": 1}]})
    RECORD = {"latencies": {"idle": {"small": [2.0, 3.0], "big": [30.0, 31.0, 33.0]}},
              "levels": [{"id": "small", "latencyMs": 2.0}, {"id": "mid", "latencyMs": 9.0},
                         {"id": "big", "latencyMs": 30.0}], "calibrated": ["small", "big"], "frames": 3}

    def write(self, d, doc):
        path = os.path.join(d, "experiment-x.json")
        with open(path, "w") as f:
            json.dump(doc, f)
        return path

    def test_a_report_round_trips_its_calibration(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "experiment-frames.json")
            row = {"name": "managed: slack-fit (margin=0.8)", "kind": "managed"}
            report.write_json(path, self.TRACE, 1.0, [row], [dict(row, policyConfig={"margin": "0.8"})], [],
                              self.RECORD)
            self.assertEqual(dict(self.RECORD, **{"from": path}), run.load_calibration(path, self.TRACE))
            with open(path) as f:
                self.assertEqual({"margin": "0.8"}, json.load(f)["runs"][0]["policyConfig"])

    def test_another_traces_calibration_is_refused(self):
        with tempfile.TemporaryDirectory() as d:
            path = self.write(d, {"trace": {"name": "contention"}, "calibration": self.RECORD["latencies"]})
            with self.assertRaisesRegex(ValueError, "of trace 'contention', this run's trace is 'frames'"):
                run.load_calibration(path, self.TRACE)

    def test_an_older_report_without_the_calibration_levels_still_loads(self):
        with tempfile.TemporaryDirectory() as d:
            path = self.write(d, {"trace": {"name": "frames"}, "calibration": self.RECORD["latencies"]})
            cal = run.load_calibration(path, self.TRACE)
            self.assertEqual((None, ["small", "big"], 3), (cal["levels"], cal["calibrated"], cal["frames"]))

    def test_malformed_reports_are_refused(self):
        with tempfile.TemporaryDirectory() as d:
            for doc in ([], {"trace": {"name": "frames"}}, {"trace": {"name": "frames"}, "calibration": {}},
                        {"trace": {"name": "frames"}, "calibration": {"idle": {"big": ["x"]}}},
                        {"trace": {"name": "frames"}, "calibration": {"idle": [1]}}):
                with self.assertRaises(ValueError, msg=doc):
                    run.load_calibration(self.write(d, doc), self.TRACE)
            with self.assertRaisesRegex(ValueError, "--calibration-from"):
                run.load_calibration(os.path.join(d, "missing.json"), self.TRACE)


class ReportNotesTest(unittest.TestCase):
    def oracle_note(self, calibrated, gateway_levels):
        trace = tr.normalise({"fps": 20, "itemsPerFrame": 64, "phases": [{"seconds": 1}]})
        return next(n for n in report.notes(trace, 12, calibrated, gateway_levels) if n.startswith("oracle"))

    def test_the_calibrated_levels_are_counted_against_the_calibration_gateways_own_table(self):
        self.assertIn("each of the calibration gateway's 15 levels pinned", self.oracle_note(15, 15))
        self.assertIn(": 5 of the calibration gateway's 15 levels pinned", self.oracle_note(5, 15))
        self.assertIn("each of 15 levels of the calibration gateway pinned", self.oracle_note(15, None))

    def test_the_plot_axis_has_every_level_of_every_run(self):
        runs = [{"levels": [{"id": "small", "latencyMs": 2}, {"id": "big", "latencyMs": 30}]},
                {"levels": [{"id": "small", "latencyMs": 2}, {"id": "mid", "latencyMs": 9}]}, {}]
        self.assertEqual(["small", "mid", "big"], report.level_axis(runs, TOP1))


class FrameTailTest(unittest.TestCase):
    def test_follows_appends_and_a_reopened_log(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "frames.jsonl")
            tail = harness.FrameTail(path)
            tail.poll()
            with open(path, "w") as f:
                f.write(line(0, 0.0, 10) + "\n" + line(1, 0.05, 10)[:20])
            tail.poll()
            with open(path, "a") as f:
                f.write(line(1, 0.05, 10)[20:] + "\n")
            tail.poll()
            self.assertEqual(2, len(tail.segments[0]))
            with open(path, "w") as f:
                f.write(line(0, 0.0, 10) + "\n")
            tail.poll()
            segments = tail.aligned_lines(t0=0.0)
            self.assertEqual([2, 1], [len(s[0]) for s in segments])
            self.assertEqual(0, fr.parse(segments[0][0])[1])


class CalibrationTest(unittest.TestCase):
    def test_settled_needs_the_last_frames_within_deadline(self):
        ok = [(0.0, line(i, i * 0.05, 10)) for i in range(harness.SETTLED_FRAMES)]
        self.assertTrue(harness.settled(ok))
        self.assertFalse(harness.settled(ok[1:]))
        self.assertFalse(harness.settled(ok + [(0.0, line(99, 9.0, 80, "late"))]))

    def test_pinned_latencies_skip_other_levels_and_the_first_frame_on_the_pinned_one(self):
        incoming = [line(0, 0.0, 30, level="big"), line(1, 0.1, 11, level="mid"), line(2, 0.2, 12, level="mid"),
                    line(3, 0.3, 0, "dropped"), line(4, 0.4, 13, level="mid"), line(5, 0.5, 14, level="mid")]

        class FakeGateway:
            def __init__(self):
                self.tail = harness.FrameTail("unused")

            def sleep(self, seconds):
                if incoming:
                    self.tail.segments[-1].append((0.0, incoming.pop(0)))
        self.assertEqual([12.0, 13.0], harness.pinned_latencies(FakeGateway(), "mid", 2))


TWO_APPS = {"name": "pair", "accuracyFloor": 89, "deployments": [
    {"name": "inspect", "priority": 10, "itemsPerFrame": 64, "fps": 20, "deadlineMs": 50},
    {"name": "sort", "priority": 1, "itemsPerFrame": 32, "fps": 10, "deadlineMs": 0, "policy": "paper-step",
     "accuracyFloor": 0, "phases": {"hogs": {"fps": 20}, "late": {"deadlineMs": 80}}}],
    "phases": [{"name": "idle", "seconds": 2}, {"name": "hogs", "seconds": 2, "cpuHogs": 2},
               {"name": "late", "seconds": 2}]}


def two_apps(**changes):
    raw = json.loads(json.dumps(TWO_APPS))
    raw.update(changes)
    return raw


class TwoAppTraceTest(unittest.TestCase):
    def test_each_deployment_has_its_requirement_per_phase_and_the_first_is_the_phases_own(self):
        t = tr.normalise(two_apps())
        inspect, sort = t["deployments"]
        self.assertEqual([(20, 50)] * 3, [(r["fps"], r["deadlineMs"]) for r in inspect["requirements"]])
        self.assertEqual([(10, 0), (20, 0), (20, 80)], [(r["fps"], r["deadlineMs"]) for r in sort["requirements"]])
        self.assertEqual([20, 20, 20], [p["fps"] for p in t["phases"]])
        self.assertEqual(64, t["itemsPerFrame"])
        self.assertEqual((None, "paper-step"), (inspect["policy"], sort["policy"]))
        self.assertEqual((89, 0), (inspect["accuracyFloor"], sort["accuracyFloor"]))
        view = tr.deployment_view(t, 1)
        self.assertEqual("pair/sort", view["name"])
        self.assertEqual((32, 0), (view["itemsPerFrame"], view["accuracyFloor"]))
        self.assertEqual([100.0, 50.0, 80], [tr.effective_deadline_ms(p) for p in view["phases"]])
        self.assertEqual([0, 2, 0], [p["cpuHogs"] for p in view["phases"]])
        self.assertNotIn("deployments", view)

    def test_a_single_application_trace_has_no_deployments(self):
        t = tr.load(os.path.join(harness.ROOT, "models", "traces", "frames.json"))
        self.assertEqual([], tr.deployments(t))
        self.assertNotIn("deployments", t)

    def test_the_shipped_two_application_trace(self):
        t = tr.load(os.path.join(harness.ROOT, "models", "traces", "two-apps.json"))
        inspect, sort = t["deployments"]
        self.assertGreater(inspect["priority"], sort["priority"])
        self.assertLess(tr.effective_deadline_ms(inspect), tr.effective_deadline_ms(sort))
        kinds = {k for p in t["phases"] for k in tr.CONTENTION_KEYS if p[k]}
        self.assertEqual(set(tr.CONTENTION_KEYS), kinds)
        self.assertEqual(0, sum(t["phases"][0][k] + t["phases"][-1][k] for k in tr.CONTENTION_KEYS))
        self.assertIn("experiment-frames.json", t["sizing"])

    def test_bad_deployments_are_refused_clearly(self):
        entry = TWO_APPS["deployments"][0]
        for deployments, why in (
                ([], "list of 1 to 4"), ({"name": "a"}, "list of 1 to 4"), ([entry] * 5, "list of 1 to 4"),
                ([5], "deployment 0 is not an object"), ([dict(entry, name="bad name")], "name must be 1-64"),
                ([dict(entry, name="")], "name must be"), ([entry, entry], "inspect is there twice"),
                ([entry, dict(entry, name="default")], "may not be named default"),
                ([dict(entry, deadline=3)], r"unknown key\(s\) deadline"),
                ([dict(entry, priority=0)], r"priority must be a whole number in \[1, 1000\]"),
                ([dict(entry, priority=1001)], "priority"), ([dict(entry, priority=2.5)], "priority"),
                ([dict(entry, priority=True)], "priority"), ([dict(entry, fps=0)], "fps must be above 0"),
                ([{k: v for k, v in entry.items() if k != "itemsPerFrame"}], "itemsPerFrame must be"),
                ([dict(entry, policy="Slack Fit")], "policy must be a policy name"),
                ([dict(entry, phases={"nowhere": {"fps": 5}})], "'nowhere', which is not a phase"),
                ([dict(entry, phases={"idle": {"items": 5}})], "must be an object with fps and/or deadlineMs"),
                ([dict(entry, phases={"idle": {}})], "must be an object with fps"),
                ([dict(entry, phases={"idle": {"fps": 0}})], "phase 'idle' fps must be above 0"),
                ([dict(entry, phases={"idle": {"deadlineMs": -1}})], "deadlineMs must be a number"),
                ([dict(entry, phases=[1])], "phases must be an object")):
            with self.assertRaisesRegex(tr.TraceError, why, msg=deployments):
                tr.normalise(two_apps(deployments=deployments))

    def test_requirements_outside_the_deployments_are_refused(self):
        for changes, why in (({"fps": 20}, "found fps"), ({"itemsPerFrame": 4}, "found itemsPerFrame"),
                             ({"targetMs": 4}, "found targetMs"),
                             ({"phases": [{"name": "a", "seconds": 1, "deadlineMs": 30}]}, "found phase 0 deadlineMs")):
            with self.assertRaisesRegex(tr.TraceError, "gives fps, deadlineMs and itemsPerFrame per deployment.*"
                                        + why, msg=changes):
                tr.normalise(two_apps(**changes, deployments=TWO_APPS["deployments"][:1]))
        with self.assertRaisesRegex(tr.TraceError, "several phases of the trace are called"):
            tr.normalise(two_apps(phases=[{"name": "hogs", "seconds": 1}, {"name": "hogs", "seconds": 1},
                                          {"name": "late", "seconds": 1}]))


class DeploymentConfigTest(unittest.TestCase):
    TRACE = tr.normalise(two_apps())

    @staticmethod
    def properties(text):
        return dict(tuple(s.strip() for s in line.split("=", 1)) for line in text.splitlines())

    def test_the_first_deployment_is_the_default_one_and_the_others_are_named(self):
        t = self.TRACE
        self.assertEqual(["default", "sort"], [dp.gateway_name(t, i) for i in range(2)])
        self.assertEqual(["io.dynofa.runtime.cfg", "io.dynofa.deployment-sort.cfg"],
                         [dp.runtime_file(t, i) for i in range(2)])
        self.assertEqual(["io.dynofa.demo.cfg", "io.dynofa.demo.camera-sort.cfg"],
                         [dp.camera_file(t, i) for i in range(2)])
        self.assertEqual(["frames.jsonl", "frames-sort.jsonl"], [dp.frame_log_name(t, i) for i in range(2)])
        self.assertEqual(["slack-fit", "paper-step"], dp.policies_of(t, "slack-fit"))

    def test_manager_configurations_carry_priority_deadline_and_the_phase_requirement(self):
        default = self.properties(dp.runtime_text(self.TRACE, 0, 0, "slack-fit", None, [("keepWarmNeighbours", "0")]))
        self.assertEqual({"targetLatencyMs": "50", "deadlineMs": "50", "priority": "10", "policy": "slack-fit",
                          "accuracyFloor": "89", "profileBatch": "64", "pinnedLevel": "", "keepWarmNeighbours": "0"},
                         {k: default.get(k) for k in ("targetLatencyMs", "deadlineMs", "priority", "policy",
                                                      "accuracyFloor", "profileBatch", "pinnedLevel",
                                                      "keepWarmNeighbours")})
        self.assertNotIn("name", default)
        sort = [self.properties(dp.runtime_text(self.TRACE, 1, i, "paper-step", "ofa-05")) for i in range(3)]
        self.assertEqual(["100.0", "50.0", "80"], [s["targetLatencyMs"] for s in sort])
        self.assertEqual(["100.0", "50.0", "80"], [s["deadlineMs"] for s in sort])
        self.assertEqual(("sort", "1", "0", "32", "ofa-05"), (sort[0]["name"], sort[0]["priority"],
                                                             sort[0]["accuracyFloor"], sort[0]["profileBatch"],
                                                             sort[0]["pinnedLevel"]))

    def test_cameras_send_to_their_deployment_and_log_to_their_own_file(self):
        default = self.properties(dp.camera_text(self.TRACE, 0, 0, "/w/frames.jsonl"))
        self.assertNotIn("deployment", default)
        self.assertEqual(("20", "64", "50", "/w/frames.jsonl"),
                         (default["fps"], default["itemsPerFrame"], default["deadlineMs"], default["frameLog"]))
        sort = self.properties(dp.camera_text(self.TRACE, 1, 2, "/w/frames-sort.jsonl"))
        self.assertEqual(("sort", "20", "32", "80", "/w/frames-sort.jsonl"),
                         (sort["deployment"], sort["fps"], sort["itemsPerFrame"], sort["deadlineMs"],
                          sort["frameLog"]))

    def test_a_run_directory_has_every_deployment_and_the_arbitration_but_not_the_projects_deployments(self):
        with tempfile.TemporaryDirectory() as root:
            os.makedirs(os.path.join(root, "runtime-config"))
            for name in ("io.dynofa.deployment-cam.cfg", "io.dynofa.demo.camera-cam.cfg", "io.dynofa.arbitration.cfg",
                         "io.dynofa.family.provider.cfg"):
                with open(os.path.join(root, "runtime-config", name), "w") as f:
                    f.write("x = 1\n")
            with mock.patch.object(harness, "ROOT", root):
                work = apps.scratch_dir(self.TRACE, ["slack-fit", "paper-step"], [None, None],
                                        {"arbiter": "priority-weighted", "cores": "2"},
                                        policy_configs={"slack-fit": {"margin": "0.8"}})
            try:
                cfg = os.path.join(work, "runtime-config")
                self.assertEqual(["io.dynofa.arbitration.cfg", "io.dynofa.demo.camera-sort.cfg", "io.dynofa.demo.cfg",
                                  "io.dynofa.deployment-sort.cfg", "io.dynofa.family.provider.cfg",
                                  "io.dynofa.policy.slackfit.cfg", "io.dynofa.runtime.cfg"], sorted(os.listdir(cfg)))
                with open(os.path.join(cfg, "io.dynofa.arbitration.cfg")) as f:
                    self.assertEqual("arbiter = priority-weighted\ncores = 2\n", f.read())
                with open(os.path.join(cfg, "io.dynofa.demo.camera-sort.cfg")) as f:
                    self.assertIn(f"frameLog = {work}/frames-sort.jsonl\n", f.read())
                with open(os.path.join(cfg, "io.dynofa.deployment-sort.cfg")) as f:
                    self.assertIn("policy = paper-step\n", f.read())
                self.assertEqual({"default": f"{work}/frames.jsonl", "sort": f"{work}/frames-sort.jsonl"},
                                 apps.frame_logs(self.TRACE, work))
            finally:
                shutil.rmtree(work)
        self.assertEqual("arbiter = \n", dp.arbitration_text({"arbiter": ""}))
        self.assertEqual("arbiter = \nmargin = 0.8\n", dp.arbitration_text({"margin": "0.8"}))


class GatewayLinesTest(unittest.TestCase):
    TABLE = {"family": "f", "backend": "cpu", "levels": [{"id": "small", "top1": 87.0, "latencyMs": 2.0}]}

    def test_level_tables_per_deployment_in_either_log_format(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "gateway.log")
            other = dict(self.TABLE, levels=[{"id": "big", "top1": 92.0, "latencyMs": 30.0}])
            with open(path, "w") as f:
                f.write("INFO: started\n")
                f.write(f"INFO: levels {json.dumps(self.TABLE)} (deployment default)\n")
                f.write(f"INFO: levels {json.dumps(dict(other, deployment='sort'))}\n")
                f.write(f"INFO: levels {json.dumps(other)} (deployment default)\n")
                f.write("INFO: levels {broken\n")
                f.write(f"INFO: levels {json.dumps(self.TABLE)} (deployment cam)\n")
            tables = harness.level_tables(path)
            self.assertEqual({"default": ["small"], "sort": ["big"], "cam": ["small"]},
                             {k: [level["id"] for level in v] for k, v in tables.items()})
            self.assertEqual(["small"], [level["id"] for level in harness.level_table(path)])
            with open(path, "w") as f:
                f.write(f"INFO: levels {json.dumps(self.TABLE)}\n")
            self.assertEqual(["small"], [level["id"] for level in harness.level_table(path)])

    @staticmethod
    def gateway(lines, tails, exited):
        gw = harness.Gateway.__new__(harness.Gateway)
        gw.name, gw.work = "run", "/w"
        gw.proc = mock.Mock(stdout=iter(lines), poll=mock.Mock(return_value=1 if exited else None))
        gw.tails = tails
        gw.lines, gw.by_deployment = [], {d: [] for d in tails}
        gw._read()
        return gw

    def test_lines_are_kept_per_deployment_and_ready_waits_for_every_one(self):
        tails = {"default": harness.FrameTail("/none"), "sort": harness.FrameTail("/none")}
        for tail in tails.values():
            tail.pos = 10
        lines = [json.dumps({"deployment": None, "state": "NOT_READY"}) + "\n", "INFO noise\n",
                 json.dumps({"deployment": "default", "state": "READY", "policy": "slack-fit"}) + "\n",
                 json.dumps({"deployment": "sort", "state": "STARTING"}) + "\n"]
        gw = self.gateway(lines, tails, exited=True)
        self.assertEqual(3, len(gw.lines))
        self.assertEqual(["NOT_READY", "READY"], [line["state"] for line in gw.lines_of()])
        self.assertEqual("STARTING", gw.latest("sort")["state"])
        self.assertEqual({}, gw.latest("cam"))
        with self.assertRaisesRegex(RuntimeError, "run: deployment sort: the gateway did not become ready"):
            gw.wait_ready()
        gw = self.gateway(lines + [json.dumps({"deployment": "sort", "state": "READY"}) + "\n"], tails, exited=False)
        self.assertEqual("slack-fit", gw.wait_ready()["policy"])


class VectorCalibrationTest(unittest.TestCase):
    def test_frame_tail_marks_reach_across_a_reopened_log(self):
        tail = harness.FrameTail("unused")
        tail.segments = [[(0.0, "a"), (0.0, "b")]]
        mark = tail.mark()
        tail.segments[-1].append((0.0, "c"))
        tail.segments.append([(0.0, "d")])
        self.assertEqual(["c", "d"], tail.since(mark))
        self.assertEqual([], tail.since(tail.mark()))

    def test_samples_are_the_pinned_levels_latencies_and_a_miss_for_each_frame_not_served(self):
        lines = [line(0, 0.0, 30, level="big"), line(1, 0.1, 11, level="mid"), line(2, 0.2, 0, "dropped"),
                 line(3, 0.3, 70, "late", "mid"), "junk", line(4, 0.4, 5, "failed", "mid")]
        self.assertEqual([11.0, None, 70.0, None], apps.samples(lines, "mid"))

    def test_frames_count_once_every_deployment_serves_its_pin(self):
        # sort serves its pin at once, inspect a frame later: sort's frames before that are not counted
        incoming = {"default": [line(0, 0.0, 30, level="big"), line(1, 0.05, 31, level="big"),
                                line(2, 0.1, 12, level="mid"), line(3, 0.15, 13, level="mid"),
                                line(4, 0.2, 14, level="mid")],
                    "sort": [line(0, 0.0, 5, level="small"), line(1, 0.1, 6, level="small"),
                             line(2, 0.2, 7, level="small"), line(3, 0.3, 0, "dropped"),
                             line(4, 0.4, 9, level="small")]}

        class FakeGateway:
            def __init__(self):
                self.tails = {d: harness.FrameTail("unused") for d in incoming}

            def sleep(self, seconds):
                for d, tail in self.tails.items():
                    if incoming[d]:
                        tail.segments[-1].append((0.0, incoming[d].pop(0)))
        got = apps.vector_latencies(FakeGateway(), {"default": "mid", "sort": "small"}, 2, 1000.0)
        self.assertEqual({"default": [13.0, 14.0], "sort": [None, 9.0]}, got)

    def test_a_pin_this_gateway_does_not_serve_becomes_its_level_nearest_in_top1(self):
        self.assertEqual(["big", None, "mid", "small"],
                         apps.pins_here(["big", None, "big", "small"],
                                        [["small", "big"], ["small"], ["small", "mid"], []], TOP1))

    def test_a_pin_that_never_applies_gives_no_latencies(self):
        class Idle:
            tails = {"default": harness.FrameTail("unused")}

            def sleep(self, seconds):
                time.sleep(0.001)
        with mock.patch.object(harness, "PIN_TIMEOUT", 0.05):
            self.assertEqual({"default": []}, apps.vector_latencies(Idle(), {"default": "mid"}, 2, 1000.0))


class PairOracleTest(unittest.TestCase):
    SELECTED = [["small", "mid", "big"], ["small", "big"]]
    PINS = [["small", "big"], ["small", "big"]]
    # inspect (priority 10, 50 ms) keeps big only while sort is at small; sort (priority 1, 100 ms) fits at big
    CAL = {"small|small": {"inspect": [5, 6], "sort": [5, 5]},
           "mid|small": {"inspect": [20, 22], "sort": [6, 7]},
           "big|small": {"inspect": [40, 45], "sort": [8, 9]},
           "small|big": {"inspect": [8, 9], "sort": [40, 41]},
           "mid|big": {"inspect": [30, 40], "sort": [60, 70]},
           "big|big": {"inspect": [55, 60], "sort": [90, 95]}}

    def choose(self, cal, deadlines=(50, 100), priorities=(10, 1)):
        return ao.choose(cal, ["inspect", "sort"], list(priorities), list(deadlines), self.SELECTED, self.PINS, TOP1)

    def test_pins_spread_over_the_levels(self):
        ids = [f"l{i}" for i in range(15)]
        self.assertEqual(["l0", "l7", "l14"], ao.pick_pins(ids, 3))
        self.assertEqual(["l0", "l14"], ao.pick_pins(ids, 2))
        self.assertEqual(["l14"], ao.pick_pins(ids, 1))
        self.assertEqual(["a", "b"], ao.pick_pins(["a", "b"], 3))

    def test_the_plan_measures_each_level_beside_each_pin_of_the_other_once(self):
        vectors = ao.plan([["a1", "a2", "a3"], ["b1", "b2", "b3"]], [["a1", "a3"], ["b1", "b3"]])
        self.assertEqual([("a1", "b1"), ("a2", "b1"), ("a3", "b1"), ("a1", "b3"), ("a2", "b3"), ("a3", "b3"),
                          ("a1", "b2"), ("a3", "b2")], vectors)
        # three deployments: 3 x 4 x 3 vectors, each of the 8 all-pins ones once instead of three times
        self.assertEqual(36 - 16, len(set(ao.plan([["a1", "a2", "a3"]] * 3, [["a1", "a3"]] * 3))))

    def test_a_vector_not_measured_reads_the_next_heavier_pin(self):
        selected, pins = [["a1", "a2", "a3"], ["b1", "b2", "b3"]], [["a1", "a3"], ["b1", "b3"]]
        cal = {"a2|b3": {"a": [30], "b": [31]}, "a1|b2": {"a": [10], "b": [11]}, "a1|b3": {"a": [12], "b": [13]}}
        self.assertEqual("b3", ao.pin_up("b2", selected[1], pins[1]))
        self.assertEqual("b1", ao.pin_up("b1", selected[1], pins[1]))
        self.assertEqual([30], ao.latencies_at(cal, ("a2", "b2"), 0, "a", selected, pins))
        self.assertEqual([10], ao.latencies_at(cal, ("a1", "b2"), 0, "a", selected, pins))
        self.assertIsNone(ao.latencies_at(cal, ("a2", "b2"), 1, "b", selected, pins))

    def test_the_high_priority_deployment_keeps_its_level_when_the_low_one_steps_down(self):
        vector, lats = self.choose(self.CAL)
        self.assertEqual(("big", "small"), vector)
        self.assertEqual([[40, 45], [8, 9]], lats)
        # with equal priorities sort's big is worth more than inspect's step from mid to big
        self.assertEqual(("mid", "big"), self.choose(self.CAL, priorities=(1, 1))[0])

    def test_a_frame_not_served_misses_and_nothing_fitting_gives_the_fastest_levels(self):
        cal = dict(self.CAL, **{"big|small": {"inspect": [40, None], "sort": [8, 9]}})
        self.assertEqual(("mid", "big"), self.choose(cal)[0])
        self.assertEqual(("small", "small"), self.choose(self.CAL, deadlines=(1, 1))[0])
        self.assertEqual((None, None), self.choose({}))
        self.assertEqual(0.5, ao.share_within([40, None], 50))

    def test_priority_weighted_accuracy(self):
        self.assertAlmostEqual((10 * 92.0 + 87.0) / 11, ao.priority_weighted([(10, 92.0), (1, 87.0)]))
        self.assertIsNone(ao.priority_weighted([(10, 92.0), (1, None)]))
        self.assertIsNone(ao.priority_weighted([]))

    def test_conditions_are_the_contention_and_every_deployments_fps(self):
        t = tr.normalise(two_apps())
        self.assertEqual(["idle @ 20/10 fps, 50/100 ms", "cpuHogs=2 @ 20/20 fps, 50/50 ms",
                          "idle @ 20/20 fps, 50/80 ms"], [ao.condition_key(c, r) for c, r, _ in ao.conditions(t)])
        self.assertEqual([0, 1, 2], [i for _, _, i in ao.conditions(t)])

    def test_the_oracle_run_per_phase_and_deployment(self):
        t = tr.normalise(two_apps(deployments=[dict(d, phases={}) for d in TWO_APPS["deployments"]],
                                  phases=[{"name": "idle", "seconds": 10}, {"name": "hogs", "seconds": 10,
                                                                            "cpuHogs": 2}]))
        easy = {k: {"inspect": [10], "sort": [10]} for k in self.CAL}
        record = {"latencies": {"idle @ 20/10 fps, 50/100 ms": easy,
                                "cpuHogs=2 @ 20/10 fps, 50/100 ms": self.CAL},
                  "calibrated": {"inspect": self.SELECTED[0], "sort": self.SELECTED[1]},
                  "pins": {"inspect": self.PINS[0], "sort": self.PINS[1]}}
        r = ao.run(t, 1.0, record, TOP1)
        self.assertEqual("oracle", r["kind"])
        inspect, sort = r["deployments"]
        self.assertEqual((["big", "big"], ["big", "small"]), ([p["level"] for p in inspect["phases"]],
                                                               [p["level"] for p in sort["phases"]]))
        self.assertEqual((400, 200), (inspect["frames"], sort["frames"]))
        self.assertEqual((1.0, 1.0), (inspect["framesWithinDeadline"], sort["framesWithinDeadline"]))
        self.assertAlmostEqual((92.0 + 87.0) / 2, sort["meanAccuracy"])
        self.assertEqual(1, sort["switches"])
        self.assertAlmostEqual((10 * 92.0 + 89.5) / 11, r["priorityWeightedAccuracy"])
        r = ao.run(t, 1.0, dict(record, latencies={}), TOP1)
        self.assertEqual([None, None], [p["level"] for p in r["deployments"][0]["phases"]])
        self.assertIsNone(r["priorityWeightedAccuracy"])


class TwoAppReportTest(unittest.TestCase):
    TRACE = tr.normalise(two_apps(phases=[{"name": "idle", "seconds": 2}, {"name": "hogs", "seconds": 2, "cpuHogs": 2},
                                          {"name": "late", "seconds": 2}]))

    def run_entry(self):
        inspect = camera(7, 20, lambda t: (30, "ok", "big") if t < 3 else (60, "late", "big"))
        sort = camera(7, 10, lambda t: (20, "ok", "small"))
        return {"name": "joint arbiter: slack-fit", "kind": "joint", "arbitration": {"arbiter": "priority-weighted"},
                "changes": [],
                "deployments": [
                    {"deployment": "inspect", "gateway": "default", "priority": 10, "policy": "slack-fit",
                     "pinned": None, "segments": [(inspect, 0.5)], "windows": [{"t": 1.0}],
                     "levels": [{"id": "small", "latencyMs": 2}, {"id": "big", "latencyMs": 30}]},
                    {"deployment": "sort", "gateway": "sort", "priority": 1, "policy": "paper-step", "pinned": None,
                     "segments": [(sort, 0.0)], "windows": [], "levels": [{"id": "small", "latencyMs": 2}]}]}

    def test_each_deployment_is_judged_by_its_own_requirement(self):
        row = analysis.summarise_deployments(self.run_entry(), self.TRACE, 1.0, TOP1)
        inspect, sort = row["deployments"]
        self.assertEqual(("inspect", 10, 120), (inspect["deployment"], inspect["priority"], inspect["frames"]))
        self.assertAlmostEqual(50 / 120, inspect["framesWithinDeadline"])
        self.assertEqual([1.0, 10 / 40, 0.0], [p["framesWithinDeadline"] for p in inspect["phases"]])
        self.assertEqual([100.0, 50.0, 80], [p["deadlineMs"] for p in sort["phases"]])
        self.assertEqual((60, 1.0), (sort["frames"], sort["framesWithinDeadline"]))
        self.assertAlmostEqual((10 * 92.0 + 87.0) / 11, row["priorityWeightedAccuracy"])

    def test_report_files_and_the_calibration_round_trip(self):
        run_ = self.run_entry()
        rows = [analysis.summarise_deployments(run_, self.TRACE, 1.0, TOP1)]
        record = {"latencies": {"idle @ 20/10 fps, 50/100 ms": PairOracleTest.CAL},
                  "levels": {"inspect": [], "sort": []},
                  "calibrated": {"inspect": PairOracleTest.SELECTED[0], "sort": PairOracleTest.SELECTED[1]},
                  "pins": {"inspect": PairOracleTest.PINS[0], "sort": PairOracleTest.PINS[1]}, "frames": 2}
        rows.append(ao.run(self.TRACE, 1.0, record, TOP1))
        with tempfile.TemporaryDirectory() as d:
            base = os.path.join(d, "experiment-pair")
            apps_report.write_markdown(base + ".md", self.TRACE, 1.0, rows, "x.png",
                                       apps_report.notes(self.TRACE, record))
            with open(base + ".md") as f:
                md = f.read()
            self.assertIn("| joint arbiter: slack-fit | joint | 91.55 | 41.7% | 92.00 | 100.0% | 87.00 |", md)
            self.assertIn("| oracle (calibrated) | oracle | 91.55 | 100.0% | 92.00 | 100.0% | 87.00 |", md)
            self.assertIn("**sort**: priority 1, 32 items per frame at 10 fps, deadline 100.0 ms, policy paper-step "
                          "(from hogs: fps 20; from late: deadlineMs 80)", md)
            self.assertIn("inspect: small, big; sort: small, big", md)
            apps_report.write_json(base + ".json", self.TRACE, 1.0, rows, [run_], record)
            with open(base + ".json") as f:
                doc = json.load(f)
            self.assertEqual([{"t": 1.0}], doc["runs"][0]["deployments"][0]["windows"])
            self.assertEqual({"inspect": ["small", "big"], "sort": ["small"]},
                             {k: [level["id"] for level in v] for k, v in doc["levels"].items()})
            loaded = apps_run.load_calibration(base + ".json", self.TRACE)
            self.assertEqual(dict(record, **{"from": base + ".json"}), loaded)
            other = tr.normalise(two_apps(deployments=[TWO_APPS["deployments"][0],
                                                       dict(TWO_APPS["deployments"][1], name="other")]))
            with self.assertRaisesRegex(ValueError, "deployments inspect, other"):
                apps_run.load_calibration(base + ".json", other)
            with self.assertRaisesRegex(ValueError, "of trace 'pair', this run's trace is 'frames'"):
                apps_run.load_calibration(base + ".json", dict(self.TRACE, name="frames"))
            if importlib.util.find_spec("matplotlib"):
                apps_report.plot(base + ".png", self.TRACE, 1.0, [run_], rows, TOP1)
                self.assertGreater(os.path.getsize(base + ".png"), 0)

    def test_arbitration_variants_parse_and_bad_ones_are_refused(self):
        self.assertEqual([None], run.parse_arbitrations(None))
        self.assertEqual([None, {"cores": "2", "margin": "0.85"}, {"arbiter": "other"}],
                         run.parse_arbitrations(["", "cores=2; margin=0.85", "arbiter=other"]))
        for bad, why in ((["speed=2"], "io.dynofa.arbitration has no speed"), (["cores"], "not key=value"),
                         (["cores=2;cores=3"], "sets cores twice"), (["cores=2", "cores=2"], "there twice"),
                         (["", " "], "there twice"), (["cores=$(x)"], "not key=value")):
            with self.assertRaisesRegex(ValueError, why, msg=bad):
                run.parse_arbitrations(bad)
        self.assertEqual("joint arbiter (cores=2, margin=0.85)",
                         apps_run.joint_label({"cores": "2", "margin": "0.85"}))
        self.assertEqual("joint arbiter", apps_run.joint_label(None))

    def test_run_labels_name_the_deployments_own_policies(self):
        t = tr.normalise(two_apps())
        self.assertEqual("joint arbiter: slack-fit (margin=0.8)",
                         apps_run.run_label("joint arbiter", t, ["slack-fit", "slack-fit"], {"margin": "0.8"},
                                            run.run_name))
        self.assertEqual("independent: inspect slack-fit, sort paper-step",
                         apps_run.run_label("independent", t, ["slack-fit", "paper-step"], None, run.run_name))


if __name__ == "__main__":
    unittest.main()
