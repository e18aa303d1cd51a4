import wirecheck


def test_public_api_is_exactly_this() -> None:
    assert sorted(wirecheck.__all__) == [
        "Analysis", "Settings", "WirecheckError", "__version__", "analyze", "default_pipeline",
        "load_settings", "open_store", "report", "write_reports",
    ]
    for name in wirecheck.__all__:
        assert hasattr(wirecheck, name)


def test_default_pipeline_chains() -> None:
    names = [s.name for s in wirecheck.default_pipeline().stages]
    assert names[0] == "clean" and names[-1] == "brief"
