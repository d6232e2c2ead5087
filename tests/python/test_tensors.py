"""leibniz.Tensor: NumPy memory shared both ways, the ops and their gradients, nn layers
and optimizers."""
import gc

import numpy as np
import pytest

import leibniz as lz


# --- NumPy in and out without copies ---------------------------------------------------

@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_a_tensor_shares_the_arrays_memory(dtype):
    a = np.arange(6, dtype=dtype).reshape(2, 3)
    t = lz.Tensor(a)
    assert t.shape == (2, 3) and t.dtype == dtype
    assert np.shares_memory(a, t.numpy())
    assert np.shares_memory(a, np.asarray(t))
    a[1, 2] = 40
    assert t.numpy()[1, 2] == 40
    t.numpy()[0, 0] = -1
    assert a[0, 0] == -1


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_results_come_out_without_copies(dtype):
    t = lz.Tensor(np.ones((3, 4), dtype=dtype)) * 2.0
    out = t.numpy()
    assert out.dtype == dtype and out.flags.writeable
    assert np.shares_memory(out, np.asarray(t))
    assert np.shares_memory(out, memoryview(t))
    out[0, 0] = 7
    assert t.numpy()[0, 0] == 7


def test_strided_views_are_shared_as_views():
    a = np.arange(24, dtype=np.float64).reshape(4, 6)
    t = lz.from_numpy(a[:, ::2].T)
    assert t.shape == (3, 4)
    np.testing.assert_array_equal(t.numpy(), a[:, ::2].T)
    a[0, 2] = 99
    assert t.numpy()[1, 0] == 99
    assert not t.is_contiguous()
    np.testing.assert_array_equal((t * 1.0).numpy(), a[:, ::2].T)


def test_each_side_keeps_the_memory_alive():
    t = lz.Tensor(np.full((1000,), 3.0))
    gc.collect()
    assert float(t.sum()) == 3000.0  # the array lives in the tensor
    out = (t + 1.0).numpy()
    del t
    gc.collect()
    assert out.sum() == 4000.0  # the tensor's storage lives in the array


def test_other_dtypes_are_refused_by_name():
    with pytest.raises(TypeError) as e:
        lz.Tensor(np.arange(3))
    assert str(e.value) == ("leibniz tensors hold float32 or float64, not int64 "
                            "(convert with .astype(numpy.float64))")
    with pytest.raises(TypeError, match="not complex128"):
        lz.from_numpy(np.zeros(2, dtype=complex))
    with pytest.raises(TypeError, match="not float16"):
        lz.zeros([2], dtype="float16")


def test_arrays_that_cannot_be_shared_say_why():
    with pytest.raises(lz.Error) as e:
        lz.Tensor(np.arange(3.0)[::-1])
    assert e.value.kind == "domain"
    assert "strides (-8,) cannot be shared" in str(e.value)
    readonly = np.zeros(3)
    readonly.flags.writeable = False
    with pytest.raises(lz.Error, match="read-only"):
        lz.Tensor(readonly)


def test_lists_numbers_and_conversions():
    t = lz.Tensor([[1, 2], [3, 4]])
    assert t.dtype == np.float32 and t.tolist() == [[1, 2], [3, 4]]
    assert lz.Tensor(2.5, dtype="float64").item() == 2.5
    a = np.ones(3, dtype=np.float64)
    converted = lz.Tensor(a, dtype=np.float32)  # asked for: a converted copy
    assert converted.dtype == np.float32 and not np.shares_memory(a, converted.numpy())
    assert lz.Tensor(a).astype("float32").dtype == np.float32
    assert "leibniz.Tensor([1., 1., 1.], dtype=float64)" == repr(lz.Tensor(a))
    assert "leibniz.Tensor([], shape=(0, 2), dtype=float32)" == repr(lz.zeros([0, 2]))


# --- ops against NumPy ------------------------------------------------------------------

def test_arithmetic_matches_numpy():
    rng = np.random.default_rng(1)
    a, b = rng.normal(size=(3, 4)), rng.normal(size=(4,))
    ta, tb = lz.Tensor(a), lz.Tensor(b)
    for got, want in [(ta + tb, a + b), (ta - tb, a - b), (ta * tb, a * b), (ta / tb, a / b),
                      (2.0 - ta, 2 - a), (1.0 / ta, 1 / a), (ta * 3, a * 3), (ta / 4, a / 4),
                      (-ta, -a), (ta ** 2, a ** 2), (ta + b, a + b), (b * ta, b * a),
                      (ta @ lz.Tensor(a.T), a @ a.T), (lz.matmul(ta, lz.Tensor(a.T)), a @ a.T),
                      (ta @ a.T, a @ a.T), (a @ lz.Tensor(a.T), a @ a.T), (ta.T, a.T),
                      (ta.reshape(2, 6), a.reshape(2, 6)), (ta.reshape((6, 2)), a.reshape(6, 2))]:
        assert isinstance(got, lz.Tensor)  # NumPy on the left defers to the tensor
        np.testing.assert_allclose(got.numpy(), want, rtol=1e-12)


def test_functions_and_reductions_match_numpy():
    a = np.linspace(-3, 3, 12).reshape(3, 4)
    t = lz.Tensor(a)
    pos = lz.Tensor(np.abs(a) + 0.5)
    cases = [(t.exp(), np.exp(a)), (pos.log(), np.log(np.abs(a) + 0.5)),
             (pos.sqrt(), np.sqrt(np.abs(a) + 0.5)), (t.square(), a * a), (t.abs(), np.abs(a)),
             (t.sigmoid(), 1 / (1 + np.exp(-a))), (t.tanh(), np.tanh(a)),
             (t.relu(), np.maximum(a, 0)), (t.softplus(), np.log1p(np.exp(a))),
             (t.sum(), a.sum()), (t.sum(dim=1), a.sum(axis=1)), (t.mean(), a.mean()),
             (t.mean(dim=0, keepdim=True), a.mean(axis=0, keepdims=True)), (t.max(), a.max()),
             (t.softmax(), np.exp(a) / np.exp(a).sum(axis=1, keepdims=True)),
             (lz.nn.tanh(t), np.tanh(a))]
    for got, want in cases:
        np.testing.assert_allclose(got.numpy(), want, rtol=1e-12, atol=1e-15)


def test_mixed_dtypes_and_shapes_are_errors():
    with pytest.raises(lz.Error) as e:
        lz.Tensor(np.ones(2, np.float32)) + lz.Tensor(np.ones(2))
    assert e.value.kind == "domain"
    assert str(e.value) == "domain error: arithmetic between float32 and float64 tensors"
    with pytest.raises(lz.Error, match="domain"):
        lz.Tensor(np.ones((2, 3))) @ lz.Tensor(np.ones((2, 3)))


# --- autodiff ---------------------------------------------------------------------------

def numeric_gradient(f, x, h=1e-6):
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[i] += h
        down[i] -= h
        g[i] = (f(up) - f(down)) / (2 * h)
    return g


def test_gradients_match_finite_differences():
    rng = np.random.default_rng(2)
    x0, w0, b0 = rng.normal(size=(5, 3)), rng.normal(size=(3, 4)), rng.normal(size=(4,))

    def loss(x, w, b):
        h = (lz.Tensor(x) @ lz.Tensor(w) + lz.Tensor(b)).tanh()
        return ((h.sigmoid() * h.softplus()).mean() + (h.relu() ** 2).sum() / 7.0).item()

    w = lz.Tensor(w0.copy(), requires_grad=True)
    b = lz.Tensor(b0.copy(), requires_grad=True)
    h = (lz.Tensor(x0) @ w + b).tanh()
    out = (h.sigmoid() * h.softplus()).mean() + (h.relu() ** 2).sum() / 7.0
    out.backward()
    np.testing.assert_allclose(w.grad.numpy(), numeric_gradient(lambda v: loss(x0, v, b0), w0),
                               rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(b.grad.numpy(), numeric_gradient(lambda v: loss(x0, w0, v), b0),
                               rtol=1e-6, atol=1e-9)


def test_analytic_gradients():
    a = np.array([0.5, -1.5, 2.0])
    x = lz.Tensor(a, requires_grad=True)
    (x * x).sum().backward()
    np.testing.assert_array_equal(x.grad.numpy(), 2 * a)
    x.zero_grad()
    assert x.grad is None
    x.exp().sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), np.exp(a), rtol=1e-15)
    y = lz.Tensor(a, requires_grad=True)
    y.sigmoid().sum().backward()
    s = 1 / (1 + np.exp(-a))
    np.testing.assert_allclose(y.grad.numpy(), s * (1 - s), rtol=1e-14)


def test_backward_rules():
    x = lz.Tensor([1.0, 2.0], requires_grad=True)
    assert x.requires_grad and x.is_leaf
    y = x * 2.0
    assert not y.is_leaf
    with pytest.raises(lz.Error) as e:
        y.backward()
    assert str(e.value) == "domain error: backward() needs a scalar; this tensor has shape (2,)"
    with lz.no_grad():
        z = x * 2.0
    assert not z.requires_grad
    with pytest.raises(lz.Error, match="does not require grad"):
        z.sum().backward()


# --- layers and optimizers --------------------------------------------------------------

def test_a_network_trains_with_sgd():
    gen = lz.Generator(1)
    net = lz.nn.Sequential(lz.nn.Linear(2, 16, gen), lz.nn.Activation("tanh"),
                           lz.nn.Linear(16, 1, gen))
    assert repr(net) == "Sequential(Linear(2, 16), tanh, Linear(16, 1))"
    assert [n for n, _ in net.named_parameters()] == ["0.weight", "0.bias", "2.weight", "2.bias"]
    assert net.parameter_count() == 2 * 16 + 16 + 16 + 1
    x, y = lz.randn([32, 2], gen), lz.randn([32, 1], gen)
    opt = lz.optim.SGD(net.parameters(), lr=0.1)
    w = net[0].weight
    before = w.numpy().copy()
    opt.zero_grad()
    lz.nn.mse_loss(net(x), y).backward()
    grad = w.grad.numpy().copy()
    opt.step()
    np.testing.assert_allclose(w.numpy(), before - 0.1 * grad, rtol=1e-6)
    losses = []
    for _ in range(50):
        opt.zero_grad()
        loss = lz.nn.mse_loss(net(x), y)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < losses[0]


def test_adam_follows_its_formula():
    p = lz.Tensor(np.array([1.0, -2.0]), requires_grad=True)
    opt = lz.optim.Adam([p], lr=0.1)
    (p * p).sum().backward()
    opt.step()
    # the first Adam step moves each weight by lr * sign(gradient)
    np.testing.assert_allclose(p.numpy(), [0.9, -1.9], rtol=1e-7)
    assert opt.lr == 0.1


def test_losses():
    logits = lz.Tensor(np.array([[2.0, 0.0], [0.0, 3.0]]))
    expected = np.mean([np.log(1 + np.exp(-2.0)), np.log(1 + np.exp(-3.0))])
    np.testing.assert_allclose(lz.nn.cross_entropy(logits, [0, 1]).item(), expected, rtol=1e-14)
    assert lz.nn.accuracy(logits, [0, 0]) == 0.5
    with pytest.raises(lz.Error, match="domain"):
        lz.nn.cross_entropy(logits, [0, 5])
    with pytest.raises(TypeError, match="Sequential takes layers"):
        lz.nn.Sequential(lz.nn.Activation("relu"), 3)
    with pytest.raises(lz.Error) as e:
        lz.nn.Activation("swish")
    assert e.value.kind == "request"


def test_indexing_gives_views_with_gradients():
    a = np.arange(12.0).reshape(3, 4)
    t = lz.Tensor(a, requires_grad=True)
    np.testing.assert_array_equal(t[1].numpy(), a[1])
    np.testing.assert_array_equal(t[-1, 1:3].numpy(), a[-1, 1:3])
    np.testing.assert_array_equal(t[:, 2].numpy(), a[:, 2])
    assert np.shares_memory(t[0:2].numpy(), a)
    (t[1:, 2].sum() * 3.0).backward()
    want = np.zeros((3, 4))
    want[1:, 2] = 3
    np.testing.assert_array_equal(t.grad.numpy(), want)
    with pytest.raises(IndexError, match="index 5 is out of range for size 3"):
        t[5]
    with pytest.raises(IndexError, match="steps of 1"):
        t[::2]


def test_optimizers_refuse_what_they_cannot_update():
    a = np.zeros((3, 4))
    with pytest.raises(lz.Error) as e:
        lz.optim.SGD([lz.Tensor(a[:, ::2], requires_grad=True)])
    assert str(e.value) == ("request error: parameter 0 is a strided view; an optimizer updates "
                            "dense tensors (pass numpy.ascontiguousarray of the array)")
    w = lz.Tensor(a, requires_grad=True)
    with pytest.raises(lz.Error) as e:
        lz.optim.Adam([w, w * 2.0])
    assert str(e.value) == ("request error: parameter 1 is the result of an operation; an "
                            "optimizer updates leaf tensors")


def test_an_optimizer_updates_a_shared_array_in_place():
    a = np.array([1.0, 2.0])
    w = lz.Tensor(a, requires_grad=True)
    opt = lz.optim.SGD([w], lr=0.5)
    (w * w).sum().backward()
    opt.step()
    np.testing.assert_array_equal(a, [0.0, 0.0])  # w -= 0.5 * 2w, seen through the array


def test_a_graph_recorded_by_two_threads_gets_its_gradients():
    import threading

    x = lz.Tensor(np.array([1.0, 2.0]), requires_grad=True)
    for _ in range(100):
        x * 1.0  # the main thread has recorded more nodes than the new thread
    h = x * x
    out = {}
    thread = threading.Thread(target=lambda: out.update(loss=(h * 3.0).sum()))
    thread.start()
    thread.join()
    out["loss"].backward()
    np.testing.assert_array_equal(x.grad.numpy(), [6.0, 12.0])
