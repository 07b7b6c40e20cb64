"""Text shared by the app shell and every page."""

TEXT = {
    "app.title": ("Fashion-MNIST Studio", "패션 MNIST 스튜디오"),
    "app.language": ("Language", "언어"),
    "app.models": ("Models", "모델"),
    "app.model_shipped": ("{name}: shipped, {metric}", "{name}: 기본 제공, {metric}"),
    "app.model_shipped_plain": ("{name}: shipped plain CNN (the original notebook's), {metric}",
                                "{name}: 기본 제공 단순 CNN(원본 노트북 방식), {metric}"),
    "app.metric_hidden": ("its test figure hidden during the lesson", "수업 중에는 테스트 결과를 가립니다"),
    "app.model_session": ("{name}: trained in this session, {metric}", "{name}: 이번 세션에서 학습, {metric}"),
    "app.model_missing": ("{name}: not available", "{name}: 없음"),
    "app.shared_down": ("The app's shared store is not reachable just now (it may be restarting). Nothing is lost: "
                        "this page tries again by itself every few seconds.",
                        "지금은 앱의 공용 저장소에 연결할 수 없습니다(다시 시작하는 중일 수 있습니다). 잃어버린 것은 "
                        "없습니다. 이 페이지가 몇 초마다 스스로 다시 시도합니다."),
    "app.data_error": ("The Fashion-MNIST data could not be loaded.", "패션 MNIST 데이터를 불러오지 못했습니다."),
    "nav.home": ("Home", "홈"),
    "nav.lesson": ("Lesson", "수업"),
    "nav.browse": ("Browse", "데이터 둘러보기"),
    "nav.compose": ("Compose", "합성 이미지"),
    "nav.train": ("Train", "학습"),
    "nav.predict": ("Predict", "예측"),
    "nav.draw": ("Draw & upload", "그리기·사진 올리기"),
    "nav.section_data": ("Data", "데이터"),
    "nav.section_models": ("Models", "모델"),
    "nav.section_predict": ("Predictions", "예측"),
}
