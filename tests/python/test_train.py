"""leibniz.train, leibniz.load and Model against the CLI's `leibniz train` and `leibniz
predict` (the binary's path is in LEIBNIZ_CLI, set by ctest)."""
import json
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import leibniz as lz

CLI = os.environ.get("LEIBNIZ_CLI")
needs_cli = pytest.mark.skipif(CLI is None, reason="LEIBNIZ_CLI (the leibniz binary) not set")


def classification_data(rows=120, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, 3))
    y = (x[:, 0] + x[:, 1] * x[:, 2] > 0).astype(np.float64)
    return x, y


def write_csv(path, x, y):
    with open(path, "w") as f:
        for row, target in zip(x, y):
            f.write(",".join(repr(float(v)) for v in row) + "," + repr(float(target)) + "\n")


def cli(*args):
    done = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def parameters(model):
    return {name: t.numpy() for name, t in model.network.named_parameters()}


def test_train_returns_a_model_that_predicts():
    x, y = classification_data()
    model = lz.train(x, y, hidden=[8], epochs=20, lr=0.01, seed=3)
    assert repr(model) == "leibniz.Model(classify, Sequential(Linear(3, 8), relu, Linear(8, 2)))"
    assert model.task == "classify" and model.epochs == 20
    assert list(model.summary) == ["ok", "epochs", "train_loss", "val_loss", "val_accuracy",
                                   "seconds"]
    assert [h["epoch"] for h in model.history] == list(range(1, 21))
    assert model.history[-1]["train_loss"] < model.history[0]["train_loss"]
    classes = model.predict(x)
    assert classes.dtype == np.int64 and classes.shape == (120,)
    assert (classes == y).mean() > 0.7
    proba = model.predict_proba(x.astype(np.float32))
    assert proba.shape == (120, 2)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-6)
    np.testing.assert_array_equal(proba.argmax(axis=1), classes)


def test_regression_and_options():
    rng = np.random.default_rng(5)
    x = rng.uniform(-1, 1, size=(200, 2))
    y = x[:, 0] ** 2 - x[:, 1]
    model = lz.train(x, y.reshape(-1, 1), task="regress", hidden="16,16", activation="tanh",
                     optimizer="sgd", lr=0.05, momentum=0.9, epochs=30, batch=16, val=0.1,
                     dtype="float64", no_standardize=True, seed=2)
    assert list(model.summary) == ["ok", "epochs", "train_loss", "val_loss", "seconds"]
    assert all(p.dtype == np.float64 for p in model.network.parameters())
    values = model.predict(x)
    assert values.dtype == np.float64 and values.shape == (200,)
    assert np.mean((values - y) ** 2) < 0.05
    with pytest.raises(lz.Error) as e:
        model.predict_proba(x)
    assert str(e.value) == "request error: predict_proba is for classifiers; this model regresses"


def test_bad_input_raises_leibniz_errors():
    x, y = classification_data(rows=10)
    with pytest.raises(lz.Error) as e:
        lz.train(x, y[:9])
    assert e.value.kind == "request"
    assert str(e.value) == ("request error: y must hold one target per row of X (10); it has "
                            "shape (9,)")
    with pytest.raises(lz.Error) as e:
        lz.train(x[0], y)
    assert str(e.value) == ("request error: X must be 2-dimensional (rows, features); it has "
                            "shape (3,)")
    with pytest.raises(lz.Error) as e:
        lz.train(x, y, activation="swish")
    assert e.value.kind == "request"
    with pytest.raises(lz.Error) as e:
        lz.train(x, y + 0.5)
    assert e.value.kind == "domain" and "the training arrays, row 1, column 4" in str(e.value)
    x_nan = x.copy()
    x_nan[3, 1] = np.nan
    with pytest.raises(lz.Error) as e:
        lz.train(x_nan, y)
    assert str(e.value) == ("parse error: the training arrays, row 4, column 2: nan is not a "
                            "finite number (X[3, 1])")
    with pytest.raises(lz.Error, match=r"inf is not a finite number \(y\[0\]\)"):
        lz.train(x, np.where(np.arange(10) == 0, np.inf, y))
    model = lz.train(x, y, epochs=1)
    with pytest.raises(lz.Error) as e:
        model.predict(np.zeros((2, 4)))
    assert str(e.value) == ("request error: the training arrays takes rows of 3 features, not "
                            "an array of shape (2, 4)")
    with pytest.raises(lz.Error) as e:
        lz.load("/nonexistent/model.safetensors")
    assert e.value.kind == "request"


def test_save_and_load_round_trip(tmp_path):
    x, y = classification_data()
    model = lz.train(x, y, hidden=[4], epochs=3)
    path = str(tmp_path / "m.safetensors")
    model.save(path)
    assert os.listdir(tmp_path) == ["m.safetensors"]  # atomic: no temporary left behind
    loaded = lz.load(path)
    for name, value in parameters(model).items():
        np.testing.assert_array_equal(parameters(loaded)[name], value)
    np.testing.assert_array_equal(loaded.predict_proba(x), model.predict_proba(x))
    assert loaded.epochs == 3 and loaded.metadata["format"] == "leibniz-model-1"
    resumed = lz.train(x, y, resume=path, epochs=2)
    assert resumed.epochs == 5 and repr(resumed) == repr(model)
    with pytest.warns(UserWarning, match="m.safetensors keeps the network it was saved with"):
        lz.train(x, y, resume=path, epochs=1, hidden=[32])


@needs_cli
def test_the_same_seed_gives_the_clis_model(tmp_path):
    x, y = classification_data()
    csv = str(tmp_path / "d.csv")
    write_csv(csv, x, y)
    saved = str(tmp_path / "cli.safetensors")
    answer = json.loads(cli("train", "--data", csv, "--hidden", "8", "--epochs", "5",
                            "--seed", "7", "--save", saved, "--json"))
    model = lz.train(x, y, hidden=[8], epochs=5, seed=7)
    from_cli = lz.load(saved)
    for name, value in parameters(from_cli).items():
        np.testing.assert_array_equal(parameters(model)[name], value)
    for key in ["epochs", "train_loss", "val_loss", "val_accuracy"]:
        assert model.summary[key] == answer[key]


@needs_cli
def test_a_model_saved_by_the_cli_predicts_as_the_cli(tmp_path):
    x, y = classification_data()
    csv = str(tmp_path / "d.csv")
    write_csv(csv, x, y)
    saved = str(tmp_path / "cli.safetensors")
    cli("train", "--data", csv, "--hidden", "8,4", "--epochs", "4", "--save", saved)
    answer = json.loads(cli("predict", saved, "--data", csv, "--json"))
    model = lz.load(saved)
    assert [row["class"] for row in answer["predictions"]] == model.predict(x).tolist()
    np.testing.assert_array_equal([row["probabilities"] for row in answer["predictions"]],
                                  model.predict_proba(x))


@needs_cli
def test_a_model_saved_in_python_works_with_the_cli(tmp_path):
    rng = np.random.default_rng(1)
    x = rng.normal(size=(80, 2))
    y = np.sin(x[:, 0]) + x[:, 1]
    model = lz.train(x, y, task="regress", hidden=[6], epochs=5)
    saved = str(tmp_path / "py.safetensors")
    model.save(saved)
    csv = str(tmp_path / "d.csv")
    write_csv(csv, x, y)
    answer = json.loads(cli("predict", saved, "--data", csv, "--json"))
    np.testing.assert_array_equal(answer["predictions"], model.predict(x))
    resumed = json.loads(cli("train", "--data", csv, "--task", "regress", "--resume", saved,
                             "--epochs", "2", "--json"))
    assert resumed["epochs"] == 7


def test_ctrl_c_stops_training_with_keyboard_interrupt(tmp_path):
    # A Python thread sends SIGINT while training runs: it can only run because training
    # released the GIL, and the training loop then stops at Python's KeyboardInterrupt.
    saved = str(tmp_path / "stopped.safetensors")
    script = textwrap.dedent(f"""
        import os, signal, threading
        import numpy as np
        import leibniz as lz
        x = np.random.default_rng(0).normal(size=(64, 2))
        y = (x[:, 0] > 0).astype(float)
        epochs = []
        def interrupt_later():
            threading.Event().wait(0.5)
            os.kill(os.getpid(), signal.SIGINT)
        threading.Thread(target=interrupt_later).start()
        try:
            lz.train(x, y, hidden=[4], epochs=10**9, save={saved!r})
        except KeyboardInterrupt:
            print("KeyboardInterrupt", lz.load({saved!r}).epochs > 0)
    """)
    env = dict(os.environ)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.stdout == "KeyboardInterrupt True\n", done.stderr


def test_threads_train_at_the_same_time():
    # train releases the GIL: two threads train at once, each as it would alone.
    import threading

    x, y = classification_data()
    alone = [parameters(lz.train(x, y, hidden=[8], epochs=10, seed=s)) for s in (1, 2)]
    together = [None, None]

    def run(i):
        together[i] = parameters(lz.train(x, y, hidden=[8], epochs=10, seed=i + 1))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for mine, theirs in zip(alone, together):
        for name, value in mine.items():
            np.testing.assert_array_equal(theirs[name], value)


@needs_cli
def test_validation_rows_and_the_plot_as_the_cli(tmp_path):
    x, y = classification_data(rows=120)
    x_val, y_val = classification_data(rows=40, seed=9)
    csv, val_csv = str(tmp_path / "d.csv"), str(tmp_path / "v.csv")
    write_csv(csv, x, y)
    write_csv(val_csv, x_val, y_val)
    saved, cli_plot = str(tmp_path / "cli.safetensors"), str(tmp_path / "cli.svg")
    answer = json.loads(cli("train", "--data", csv, "--val-data", val_csv, "--hidden", "8",
                            "--epochs", "4", "--seed", "5", "--checkpoint-every", "2",
                            "--save", saved, "--plot", cli_plot, "--json"))
    plot, py_saved = str(tmp_path / "py.svg"), str(tmp_path / "py.safetensors")
    model = lz.train(x, y, val_data=(x_val, y_val), hidden=[8], epochs=4, seed=5,
                     checkpoint_every=2, save=py_saved, plot=plot)
    for name, value in parameters(lz.load(saved)).items():
        np.testing.assert_array_equal(parameters(model)[name], value)
        np.testing.assert_array_equal(parameters(lz.load(py_saved))[name], value)
    for key in ["epochs", "train_loss", "val_loss", "val_accuracy"]:
        assert model.summary[key] == answer[key]
    assert all(h["val_loss"] is not None for h in model.history)
    # Every row of X trains: the held-out share `val` is not taken.
    held_out = lz.train(x, y, hidden=[8], epochs=4, seed=5)
    assert held_out.summary["train_loss"] != model.summary["train_loss"]
    for drawn in [cli_plot, plot]:
        with open(drawn) as f:
            svg = f.read()
        assert svg.lstrip().startswith("<?xml") or "<svg" in svg
        assert "training loss" in svg and "validation loss" in svg
    assert "leibniz train: the training arrays" in open(plot).read()


def test_validation_and_plot_options_are_checked():
    x, y = classification_data(rows=20)
    with pytest.raises(lz.Error) as e:
        lz.train(x, y, val_data=x)
    assert str(e.value) == ("request error: val_data takes (X_val, y_val): validation rows and "
                            "targets")
    with pytest.raises(lz.Error) as e:
        lz.train(x, y, val_data=(x[:, :2], y))
    assert str(e.value) == ("request error: the validation arrays has 3 columns; the training "
                            "arrays has 4")
    with pytest.raises(lz.Error) as e:
        lz.train(x, y, val_data=(x, y[:5]))
    assert str(e.value) == ("request error: val_data[1] must hold one target per row of "
                            "val_data[0] (20); it has shape (5,)")
    x_bad = x.copy()
    x_bad[2, 0] = np.inf
    with pytest.raises(lz.Error) as e:
        lz.train(x, y, val_data=(x_bad, y))
    assert str(e.value) == ("parse error: the validation arrays, row 3, column 1: inf is not a "
                            "finite number (val_data[0][2, 0])")
    with pytest.raises(lz.Error) as e:
        lz.train(x, y, val_data=(x, y + 2))
    assert str(e.value) == ("domain error: the validation arrays, row 1, column 4: label 3 is "
                            "outside the classes 0..1 of the training arrays (validation labels "
                            "must be classes of the training data)")
    with pytest.raises(lz.Error) as e:
        lz.train(x, y, plot="loss.pdf")
    assert str(e.value) == ("request error: cannot plot to 'loss.pdf': the name must end in "
                            ".png or .svg")
    with pytest.raises(lz.Error) as e:
        lz.train(x, y, checkpoint_every=-1)
    assert str(e.value) == ("request error: --checkpoint-every takes a number of epochs, 0 or "
                            "more")
