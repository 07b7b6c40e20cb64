"""Text of the downloads that take a model home (``ui/take_home.py``)."""

TEXT = {
    "take_home.model": ("Model (.keras + JSON)", "모델(.keras + JSON)"),
    "take_home.model_help": (
        "The model file and its JSON (recipe, test figures, training time) in one zip. The tutorial model and the "
        "plain CNN open with keras.saving.load_model alone; a tile network needs the studio's fmnist.models "
        "imported first (its own layers).",
        "모델 파일과 JSON(학습 방법, 테스트 결과, 학습 시간)을 zip 하나로 받습니다. 튜토리얼 모델과 단순 CNN은 "
        "keras.saving.load_model만으로 열립니다. 타일 신경망은 스튜디오의 fmnist.models를 먼저 임포트해야 "
        "합니다(전용 층을 씁니다).",
    ),
    "take_home.notebook": ("Notebook (.ipynb)", "노트북(.ipynb)"),
    "take_home.notebook_help": (
        "A Jupyter notebook in this page's language that rebuilds this model from scratch with Keras and NumPy: "
        "the data, the same network and recipe, the test figure and the tutorial's charts.",
        "이 페이지의 언어로 된 주피터 노트북입니다. Keras와 NumPy만으로 이 모델을 처음부터 다시 만듭니다. 데이터, 같은 "
        "신경망과 학습 방법, 테스트 결과, 튜토리얼의 차트가 들어 있습니다.",
    ),
}
